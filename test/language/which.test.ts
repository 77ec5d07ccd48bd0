// Which language a transcript is in: English is judged; other languages are named and not judged.
import { describe, expect, it } from 'vitest';
import { whichLanguage } from '../../src/language/which.js';

describe('which language', () => {
  it('reads English as English', () => {
    expect(whichLanguage('So what made you look at new scheduling software this spring, and who on your team feels it most when it goes wrong?').code).toBe('en');
  });
  it('names a Catalan, a Spanish and a German text', () => {
    expect(whichLanguage('Bon dia, com estàs? Doncs mira, avui volia parlar amb tu de les tasques que tenim pendents i de com ho farem per acabar-les abans de la setmana que ve.').code).toBe('ca');
    expect(whichLanguage('Buenos días, ¿cómo está? Quería hablar con usted de la propuesta que le enviamos la semana pasada y de lo que necesita su equipo para el próximo año.').code).toBe('es');
    expect(whichLanguage('Guten Morgen, wie geht es Ihnen? Ich wollte mit Ihnen über das Angebot sprechen, das wir Ihnen letzte Woche geschickt haben, und was Ihr Team braucht.').code).toBe('de');
  });
  it('takes a short text as English: too little to tell', () => {
    expect(whichLanguage('Hola, qué tal.').code).toBe('en');
  });
});
