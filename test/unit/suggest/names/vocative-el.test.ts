import { describe, expect, it } from 'vitest';
import { addressName } from '../../../../lib/suggest/names';

const el = (firstName: string, gender: 'female' | 'male' | null = null) => addressName({ firstName }, 'el', { gender });

describe('the Greek vocative', () => {
  it.each([
    // -ος stressed on the third syllable from the end: -ε
    ['Αλέξανδρος', 'Αλέξανδρε'], ['Δημήτριος', 'Δημήτριε'], ['Νικόλαος', 'Νικόλαε'], ['Γεώργιος', 'Γεώργιε'],
    ['Ευάγγελος', 'Ευάγγελε'], ['Απόστολος', 'Απόστολε'], ['Θεόδωρος', 'Θεόδωρε'], ['Στέφανος', 'Στέφανε'],
    ['Άγγελος', 'Άγγελε'], ['Αντώνιος', 'Αντώνιε'], ['Βασίλειος', 'Βασίλειε'], ['Χαράλαμπος', 'Χαράλαμπε'],
    // -ος of two syllables, three stressed on the second from the end, -άκος: -ο
    ['Γιώργος', 'Γιώργο'], ['Νίκος', 'Νίκο'], ['Σπύρος', 'Σπύρο'], ['Πέτρος', 'Πέτρο'], ['Παύλος', 'Παύλο'],
    ['Χρήστος', 'Χρήστο'], ['Σταύρος', 'Σταύρο'], ['Αλέκος', 'Αλέκο'], ['Μανολάκος', 'Μανολάκο'], ['Στέλιος', 'Στέλιο'],
    // a long learned name stressed on the second from the end: -ε
    ['Κωνσταντίνος', 'Κωνσταντίνε'],
    // -ας, -ης: the ς goes
    ['Κώστας', 'Κώστα'], ['Ηλίας', 'Ηλία'], ['Ανδρέας', 'Ανδρέα'], ['Θωμάς', 'Θωμά'],
    ['Γιάννης', 'Γιάννη'], ['Μιχάλης', 'Μιχάλη'], ['Παναγιώτης', 'Παναγιώτη'], ['Ηρακλής', 'Ηρακλή'],
  ])('%s -> %s', (name, vocative) => {
    expect(el(name)).toBe(vocative);
  });

  it.each(['Μαρία', 'Ελένη', 'Κατερίνα', 'Δέσποινα', 'Φρόσω', 'Ελπίς', 'Μιχαήλ', 'Παντελεήμων'])('says %s as written', (name) => {
    expect(el(name)).toBe(name);
  });

  it('reads a name written without accents or in capitals with the stress of the name it spells', () => {
    expect(el('ΓΙΩΡΓΟΣ')).toBe('ΓΙΩΡΓΟ');
    expect(el('ΑΛΕΞΑΝΔΡΟΣ')).toBe('ΑΛΕΞΑΝΔΡΕ');
    expect(el('ΚΩΣΤΑΣ')).toBe('ΚΩΣΤΑ');
    expect(el('Δημητριος')).toBe('Δημητριε');
    expect(el('Στελιος')).toBe('Στελιο');
    // Two syllables need no stress mark to be sure.
    expect(el('Νικος')).toBe('Νικο');
  });

  it('leaves a name it cannot read in the nominative', () => {
    expect(el('Giorgos')).toBe('Giorgos'); // Latin transliteration
    expect(el('Αρμοδιος')).toBe('Αρμοδιος'); // no accent, not a common name: stress unknown
    expect(el('Νικολός')).toBe('Νικολός'); // stressed on the last syllable
    expect(el('Γιώργος Αλέξανδρος')).toBe('Γιώργος Αλέξανδρος');
  });

  it('does not decline a name the card says is a woman\'s', () => {
    expect(el('Νίκος', 'female')).toBe('Νίκος');
    expect(el('Νίκος', 'male')).toBe('Νίκο');
  });
});
