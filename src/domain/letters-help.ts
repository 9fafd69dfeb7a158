/**
 * What an intervention works on, and the advice for parents that follows from it ("How you can
 * help at home"). It comes from the intervention, never from the pupil's recorded needs: a phonics
 * letter gives reading tips whatever else the pupil needs, and a maths letter never mentions
 * feelings. In order: the school's own "Help at home" text on the Provision library entry; else
 * advice for what it works on (the entry's area of need, made more precise by the programme's name
 * where that says reading, spelling, writing or maths); else only the general closing advice.
 */
import type { LetterFacts } from './letters-facts';
import { sentence } from './letters-words';

export type Focus =
  | 'reading'
  | 'spelling'
  | 'writing'
  | 'maths'
  | 'learning'
  | 'language'
  | 'social'
  | 'friendship'
  | 'feelings'
  | 'hearing'
  | 'vision'
  | 'senses'
  | 'movement';

/** What a programme's name says it works on (first match wins). */
const NAME_FOCUS: readonly [RegExp, Focus][] = [
  [/\b(phonics?|reading|readers?|read|fluency|comprehension|decoding|books?)\b/i, 'reading'],
  [/\b(spelling|spellings|spell)\b/i, 'spelling'],
  [/\b(writing|handwriting|write)\b/i, 'writing'],
  [
    /\b(maths?|mathematics|numeracy|numbers?|times ?tables?|multiplication|arithmetic|counting|fractions?)\b/i,
    'maths',
  ],
  [/\b(language|vocabulary|speech|talk|talking|communication|listening|narrative)\b/i, 'language'],
  [
    /\b(emotional|emotions?|feelings|anxiety|anger|well-?being|nurture|calm|regulation|self-esteem|mentoring|elsa)\b/i,
    'feelings',
  ],
  [/\b(social|friendship|friends|lego|turn-taking)\b/i, 'friendship'],
  [/\b(motor|co-?ordination|movement|physio\w*|sensory circuits?|occupational)\b/i, 'movement'],
];

const ACADEMIC: readonly Focus[] = ['reading', 'spelling', 'writing', 'maths'];

/** The focus of each area of need (census code). */
const AREA_FOCUS: Readonly<Record<string, Focus>> = {
  SPLD: 'learning',
  MLD: 'learning',
  SLD: 'learning',
  PMLD: 'learning',
  DS: 'learning',
  SLCN: 'language',
  ASD: 'social',
  SEMH: 'feelings',
  HI: 'hearing',
  VI: 'vision',
  MSI: 'senses',
  PD: 'movement',
};

function nameFocus(names: readonly string[]): Focus | undefined {
  for (const name of names) {
    for (const [pattern, focus] of NAME_FOCUS) if (pattern.test(name)) return focus;
  }
  return undefined;
}

/** What the intervention works on, or undefined when nothing says. */
export function focusOf(facts: LetterFacts): Focus | undefined {
  const names = [facts.intervention.name, facts.provision?.name ?? ''];
  const area = AREA_FOCUS[(facts.provision?.areaOfNeed ?? '').trim().toUpperCase()];
  const named = nameFocus(names);
  if (area === 'learning') return named && ACADEMIC.includes(named) ? named : area;
  return area ?? named;
}

/** What it works on, in words for "It works on …". */
export const FOCUS_WORDS: Readonly<Record<Focus, string>> = {
  reading: 'reading',
  spelling: 'spelling',
  writing: 'writing',
  maths: 'maths',
  learning: 'key skills for learning, in small, regular steps',
  language: 'talking, listening and understanding words',
  social: 'communication and getting on with others',
  friendship: 'making friends, taking turns and joining in',
  feelings: 'understanding and managing feelings',
  hearing: 'listening and joining in, in class and in groups',
  vision: 'getting the most out of lessons and learning materials',
  senses: 'communication and finding the way around',
  movement: 'movement, strength and coordination',
};

const ADVICE: Readonly<Record<Focus, (name: string) => string>> = {
  reading: (name) =>
    `Share a book together for ten minutes most days: let ${name} read the words they know, read the rest aloud, and talk about the story. Asking what might happen next, and why, helps with understanding too.`,
  spelling: (name) =>
    `Practise a few spellings for five minutes at a time: look at the word, cover it, write it, then check it. Spotting the words on signs, packets and in books together helps ${name} remember them.`,
  writing: (name) =>
    `Find everyday reasons for ${name} to write: a shopping list, a birthday card or a note to a relative. Talk about what to say first, and praise the ideas as much as the handwriting.`,
  maths: (name) =>
    `Use numbers in everyday life: count the stairs, add up prices when shopping, share out snacks and tell the time together. Short games with dice or playing cards help ${name} practise without pressure.`,
  learning: (name) =>
    `Little and often works best: ten minutes of relaxed practice of what ${name} is working on in the sessions helps it stick. Ask us what to practise at home, and praise effort rather than getting everything right.`,
  language: (name) =>
    `Talk together about everyday things, give ${name} time to answer, and say back what they said using the right words rather than correcting. Sharing stories and talking about new words helps too.`,
  social: (name) =>
    `Clear routines help: tell ${name} about changes in advance, use short and direct words, and allow some quiet time after school. Games where you take turns, such as board games, are a good way to practise playing together.`,
  friendship: (name) =>
    `Play games together where you take turns, such as board games or card games, and talk about how to join in, share and lose well. Praise the times you see ${name} being a kind and friendly player.`,
  feelings: (name) =>
    `Notice and name feelings together ("you seem cross"), keep calm routines at bedtime and in the morning, and praise the times ${name} manages a hard moment well.`,
  hearing: (name) =>
    `Face ${name} when you speak, turn down background noise such as the television, and check that instructions have been heard.`,
  vision: (name) =>
    `Good lighting and larger print help, as does describing what is around ${name}. Please keep following any advice from the vision specialist.`,
  senses: (name) =>
    `Keep to familiar routines, face ${name} when you speak and use touch and objects to help explain. Please keep following any advice from the specialist teacher.`,
  movement: () =>
    'Activities that build strength and control, such as drawing, playdough, building bricks or playing catch, all help. Please keep following any advice from the therapist.',
};

const TIMES_TABLES = /\b(times ?tables?|multiplication)\b/i;
const PHONICS = /\bphonics?\b/i;

/** "How you can help at home": a paragraph or two, then the general advice. */
export function helpAtHome(facts: LetterFacts): string[] {
  const name = facts.pupil.firstName;
  const paragraphs: string[] = [];
  const own = sentence(facts.provision?.helpAtHome ?? '');
  const focus = focusOf(facts);
  if (own !== '') {
    paragraphs.push(own);
  } else if (focus) {
    const named = `${facts.intervention.name} ${facts.provision?.name ?? ''}`;
    const extra =
      focus === 'maths' && TIMES_TABLES.test(named)
        ? ' Quizzing a few times tables on the way to school, a little and often, helps them stick.'
        : focus === 'reading' && PHONICS.test(named)
          ? ' Games with letter sounds, such as I spy ("something beginning with sh"), help too.'
          : '';
    paragraphs.push(ADVICE[focus](name) + extra);
  }
  paragraphs.push(
    `Above all, ask ${name} about the sessions and praise the effort that goes into them. Please tell us about anything at home that might help, or that worries you.`,
  );
  return paragraphs;
}
