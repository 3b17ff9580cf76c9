import { editDistance, parseCommand, stripOwnMention } from '../../../bot/src/bot/command-parser.js';

const botMention = { type: 'mention', text: '<at>HSB Assistant</at>', mentioned: { id: 'bot-1' } };
const samMention = { type: 'mention', text: '<at>Sam Jones</at>', mentioned: { id: 'user-2' } };

describe('stripOwnMention', () => {
  it('removes only the bot’s own mention and keeps other people’s as their names', () => {
    const text = '<at>HSB Assistant</at> ask what should <at>Sam Jones</at> do next?';
    expect(stripOwnMention(text, [botMention, samMention], 'bot-1')).toBe(
      'ask what should Sam Jones do next?',
    );
  });

  it('removes every repeat of the bot’s mention', () => {
    expect(stripOwnMention('<at>HSB Assistant</at> help <at>HSB Assistant</at>', [botMention], 'bot-1')).toBe(
      'help',
    );
  });

  it('leaves text alone when the mention is someone else’s', () => {
    expect(stripOwnMention('<at>Sam Jones</at> reviews', [samMention], 'bot-1')).toBe('Sam Jones reviews');
  });

  it('decodes the HTML entities Teams sends and tidies spaces', () => {
    expect(stripOwnMention('<at>HSB Assistant</at>&nbsp;new&nbsp;assessment\n', [botMention], 'bot-1')).toBe(
      'new assessment',
    );
  });
});

describe('parseCommand', () => {
  it.each(['help', 'HELP', 'Help!', 'hi', 'Hi.', 'hello', 'HELLO?', 'hello there', 'please help', ''])(
    '"%s" is help',
    (text) => expect(parseCommand(text)).toEqual({ kind: 'help' }),
  );

  it.each([
    'new assessment',
    'New Assessment',
    'new assessment!',
    'NEW ASSESSMENT please',
    'start an assessment',
  ])('"%s" starts an assessment', (text) => expect(parseCommand(text)).toEqual({ kind: 'new-assessment' }));

  it.each(['new case', 'New Case!', 'open a case please', 'start a new case', 'create case', 'log a case'])(
    '"%s" opens a case',
    (text) => expect(parseCommand(text)).toEqual({ kind: 'new-case' }),
  );

  it.each(['reviews', 'Reviews?', 'due', 'DUE!', 'reviews due', 'what’s due'])('"%s" lists reviews', (text) =>
    expect(parseCommand(text)).toEqual({ kind: 'reviews' }),
  );

  it.each(['classify', 'Classify.', 'classify a behaviour'])('"%s" opens the guided card', (text) =>
    expect(parseCommand(text)).toEqual({ kind: 'classify' }),
  );

  it('takes the question after "ask", punctuation and case kept', () => {
    expect(parseCommand('Ask: What counts as HSB?')).toEqual({
      kind: 'ask',
      question: 'What counts as HSB?',
    });
    expect(parseCommand('ask what if a parent complains')).toEqual({
      kind: 'ask',
      question: 'what if a parent complains',
    });
  });

  it('"ask" with nothing after it is help, not an empty search', () => {
    expect(parseCommand('ask')).toEqual({ kind: 'help' });
  });

  it.each([
    'what counts as harmful sexual behaviour?',
    'should I tell the parents',
    'a boy in year 9 keeps touching girls in the lunch queue',
    'nudes?',
  ])('treats "%s" as a question', (text) =>
    expect(parseCommand(text)).toEqual({ kind: 'ask', question: text }),
  );

  it.each([
    ['reveiws', 'reviews'],
    ['new assesment', 'new assessment'],
    ['new csae', 'new case'],
    ['clasify', 'classify'],
    ['hlep', 'help'],
  ])('suggests the command "%s" was meant to be', (text, suggestion) =>
    expect(parseCommand(text)).toEqual({ kind: 'unknown', suggestion }),
  );

  it.each([
    ['assessment', 'new assessment'],
    ['case', 'new case'],
    ['overdue list', 'reviews'],
    ['hackett', 'classify'],
    ['thanks', null],
    ['xyzzy', null],
  ])('answers "%s" with the closest command, if any', (text, suggestion) =>
    expect(parseCommand(text)).toEqual({ kind: 'unknown', suggestion }),
  );
});

describe('editDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('reveiws', 'reviews')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
