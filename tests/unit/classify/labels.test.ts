import {
  aggravatingChoices,
  aggravatingFactors,
  consentAnswers,
  consentChoices,
  frequencyAnswers,
  frequencyChoices,
  powerAnswers,
  powerChoices,
  seenChoices,
  seenKinds,
  settingChoices,
  settings,
} from '../../../core/index.js';

describe('the guided placement’s answer titles', () => {
  it.each([
    ['seen', seenChoices, seenKinds],
    ['consent', consentChoices, consentAnswers],
    ['power', powerChoices, powerAnswers],
    ['frequency', frequencyChoices, frequencyAnswers],
    ['setting', settingChoices, settings],
    ['aggravating', aggravatingChoices, aggravatingFactors],
  ] as const)('title every %s answer once, in the order the rules know them', (_, choices, values) => {
    expect(choices.map((c) => c.value)).toEqual([...values]);
    expect(new Set(choices.map((c) => c.title)).size).toBe(values.length);
  });
});
