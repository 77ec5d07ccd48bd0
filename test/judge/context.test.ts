// The conversation decides what a seller sentence is: the same words read differently after a
// buyer's question, beside the buyer's own words, or after a "no". Each case is a short call written
// for this test; the assertion is on the kind of finding the judged sentence gets (or none).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

/** The kind of the finding on the line that holds `sentence`, or 'neutral' when it has none. */
function kindOf(call: string, sentence: string): string {
  const report = analyze(call, { sellers: ['Sam'] });
  const line = call.split('\n').findIndex((l) => l.includes(sentence)) + 1;
  const f = report.findings.find((x) => x.scope !== 'call' && x.line === line && x.text.includes(sentence.slice(0, 20)));
  return f?.kind ?? 'neutral';
}

describe('answers and pitches', () => {
  it('a plain answer to the buyer\'s price question is not a pitch', () => {
    const call = [
      'Sam: Thanks for taking a look at the proposal.',
      'Lena: Before anything else, what does the base plan cost per location?',
      'Sam: The base plan is ninety dollars a month per location, billed annually.',
    ].join('\n');
    expect(kindOf(call, 'The base plan is ninety dollars')).toBe('neutral');
  });

  it('the same detail stretched into a feature tour is seller-centric', () => {
    const call = [
      'Lena: Does it work on tablets?',
      'Sam: Yes, and it also has route planning, inventory sync, a loyalty module, custom dashboards, payroll exports and a built-in chat for every crew.',
    ].join('\n');
    expect(kindOf(call, 'route planning, inventory sync')).toBe('seller-centric');
  });

  it('product detail that takes up the buyer\'s own words is buyer-ownership', () => {
    const call = [
      'Sam: What happens on the weekends right now?',
      'Lena: Nobody answers the phones on weekends, so the emergency calls just go to voicemail and we lose them.',
      'Sam: So for those weekend emergency calls, the line would ring straight through to whoever is on call, so nothing sits in voicemail.',
    ].join('\n');
    expect(kindOf(call, 'for those weekend emergency calls')).toBe('buyer-ownership');
  });
});

describe('reflections', () => {
  it('a restatement of the buyer\'s numbers is a reflection without "you said"', () => {
    const call = [
      'Sam: How much of the week goes into the reports?',
      'Lena: Honestly about a third of it. Twelve, maybe thirteen hours, mostly copying numbers between spreadsheets.',
      'Sam: Twelve or thirteen hours of copying numbers every week.',
    ].join('\n');
    expect(kindOf(call, 'Twelve or thirteen hours of copying')).toBe('buyer-ownership');
  });
});

describe('objections', () => {
  it('pushing on with the pitch right after a "no" is seller-centric', () => {
    const call = [
      'Sam: Hi Lena, Sam from Brightpath, do you have two minutes?',
      'Lena: Honestly, no, I really do not have time for this today.',
      'Sam: Totally understand, it will be quick, our platform cuts scheduling time in half for teams like yours.',
    ].join('\n');
    expect(kindOf(call, 'our platform cuts scheduling time')).toBe('seller-centric');
  });

  it('next steps that leave the decision with the buyer are buyer-ownership', () => {
    const call = [
      'Lena: I need to think about it and talk to my partner before we commit to anything.',
      'Sam: That makes sense, so take whatever time you need with your partner and tell me what you would want to see before deciding.',
    ].join('\n');
    expect(kindOf(call, 'take whatever time you need')).toBe('buyer-ownership');
  });
});

describe('a real neutral', () => {
  it.each([
    'What is the best email for the calendar invite?',
    'Can you see my screen now?',
    'I will send the contract over this afternoon.',
  ])('%s gets no finding', (sentence) => {
    const call = ['Lena: Sounds good, let us set it up.', `Sam: ${sentence}`].join('\n');
    expect(kindOf(call, sentence)).toBe('neutral');
  });
});

describe('one finding a sentence', () => {
  it('a sentence several rules match carries one finding, the others listed', () => {
    const call = 'Sam: We are the number one rated platform, trusted by thousands, and this price ends Friday so sign today.\nLena: Okay.\n';
    const findings = analyze(call, { sellers: ['Sam'] }).findings.filter((f) => f.scope !== 'call' && f.line === 1);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.kind).toBe('seller-centric');
    expect(findings[0]!.alsoMatched?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('the rules alone', () => {
  it('judge each sentence by its strongest rule, with no model and no context (model: false)', () => {
    const call = ['Lena: What does the base plan cost?', 'Sam: The base plan is ninety dollars a month, and honestly our platform is the best on the market.'].join('\n');
    const withModels = analyze(call, { sellers: ['Sam'] });
    const alone = analyze(call, { sellers: ['Sam'], model: false });
    expect(alone.findings.filter((f) => f.scope !== 'call').every((f) => !f.ruleId.startsWith('likely-'))).toBe(true);
    expect(alone.salesCallReasons).toEqual(['a seller was named and speaks']);
    expect(withModels.findings.length).toBeGreaterThan(0);
  });
});
