// The building blocks trainers use in lessons, available in every MDX file without imports.
import Bron from './Bron.astro';
import Casus from './Casus.astro';
import Kernpunt from './Kernpunt.astro';
import Reflectievraag from './Reflectievraag.astro';
import Vraag from './Vraag.astro';

export const lessonComponents = { Bron, Casus, Kernpunt, Reflectievraag, Vraag };
