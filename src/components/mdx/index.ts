// The building blocks trainers use in lessons, available in every MDX file without imports. The
// personal two (Vraag, Reflectievraag) are filled in per request by components/LessonBody.astro.
import Bron from './Bron.astro';
import Casus from './Casus.astro';
import Kernpunt from './Kernpunt.astro';
import ReflectievraagMarker from './ReflectievraagMarker.astro';
import VraagMarker from './VraagMarker.astro';

/**
 * The blocks for the lesson text that is rendered once and kept (components/LessonBody.astro):
 * the personal ones, questions and reflections, leave a marker to be filled in per request.
 */
export const sharedLessonComponents = { Bron, Casus, Kernpunt, Reflectievraag: ReflectievraagMarker, Vraag: VraagMarker };
