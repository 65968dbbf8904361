// petrovich 0.2.1 ships no types; this is the part of its API the app uses.
declare module 'petrovich' {
  type Gender = 'male' | 'female' | 'androgynous';
  type Case = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
  interface Person {
    gender: Gender;
    first?: string;
    middle?: string;
    last?: string;
  }
  function petrovich<P extends Person>(person: P, gcase: Case): P;
  export default petrovich;
}
