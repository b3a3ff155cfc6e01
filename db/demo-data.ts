// The demo accounts loaded on first start, so a new user can log in straight away.
import type { Role } from './schema.ts';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; password: string }[] = [
  { email: 'beheerder@demo.leergang.nl', name: 'Demi Beheer', role: 'admin', password: 'demo-beheerder-2026' },
  { email: 'opleider@demo.leergang.nl', name: 'Olga Opleider', role: 'trainer', password: 'demo-opleider-2026' },
  { email: 'medewerker@demo.leergang.nl', name: 'Milan Medewerker', role: 'learner', password: 'demo-medewerker-2026' },
];
