import {
  inlineRuns,
  markdownBlocks,
  markdownProblems,
  markdownToPlainText,
  wordCount,
} from '../../../core/index.js';

const body = [
  'Our aims are to **keep children safe** and:',
  '',
  '- listen;',
  '- record what was said,',
  '  in the child’s words.',
  '',
  '### When to escalate',
  '',
  '1. Tell the DSL.',
  '2. Call 999 if a child is in danger.',
].join('\n');

describe('the content Markdown subset', () => {
  it('splits a body into headings, paragraphs and lists, joining wrapped list lines', () => {
    expect(markdownBlocks(body)).toEqual([
      { type: 'paragraph', text: 'Our aims are to **keep children safe** and:' },
      { type: 'bullets', items: ['listen;', 'record what was said, in the child’s words.'] },
      { type: 'heading', text: 'When to escalate' },
      { type: 'numbered', items: ['Tell the DSL.', 'Call 999 if a child is in danger.'] },
    ]);
  });

  it('splits bold runs for renderers', () => {
    expect(inlineRuns('a **b** c')).toEqual([
      { text: 'a ', bold: false },
      { text: 'b', bold: true },
      { text: ' c', bold: false },
    ]);
  });

  it('renders plain text for places without formatting', () => {
    expect(markdownToPlainText(body)).toBe(
      [
        'Our aims are to keep children safe and:',
        '',
        '• listen;\n• record what was said, in the child’s words.',
        '',
        'When to escalate',
        '',
        '1. Tell the DSL.\n2. Call 999 if a child is in danger.',
      ].join('\n'),
    );
  });

  it('counts the words a reader sees, not the markup or list numbers', () => {
    expect(wordCount('1. **Tell** the DSL.\n2. Record it.')).toBe(5);
  });

  it('reports each construct outside the subset with its line', () => {
    expect(markdownProblems(body)).toEqual([]);
    expect(markdownProblems('ok\n# Title')).toEqual([{ line: 2, problem: 'Only "### " sub-headings are allowed.' }]);
    expect(markdownProblems('  - nested')).toEqual([{ line: 1, problem: 'Nested lists are not allowed.' }]);
    expect(markdownProblems('![x](y.png)').map((p) => p.problem)).toEqual([
      'Images are not allowed.',
      'Links are not allowed in the body; put them in sources.',
    ]);
  });
});
