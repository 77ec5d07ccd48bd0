/** Sentence templates with {slot} placeholders for seller and buyer turns, written for the benchmark corpus. */

/** Small connective pieces that other templates use. */
export const PIECES = {
  opener: ['So', 'Okay', 'Right', 'Well', 'Alright', 'Got it', 'Sure', 'Honestly', 'Look'],
  hedge: ['I think', 'to be fair', 'if I\'m honest', 'from what I see', 'as far as I can tell', 'in my experience'],
  timeframe: ['this quarter', 'by {month}', 'before the end of the year', 'next {weekday}', 'within {number} weeks', 'over the next year'],
  amount: ['{bignumber} dollars {price}', 'about {bignumber} {price}', 'a little under {bignumber} {price}'],
  ack: ['Yeah.', 'Sure.', 'Mm-hmm.', 'Right.', 'Okay.', 'Got it.', 'That makes sense.', 'Fair enough.', 'Go ahead.', 'Sounds good.', 'Yep, I\'m here.', 'Sorry, go on.'],
};

/** Seller templates by move; the generator chooses moves with per-call weights. */
export const SELLER = {
  smalltalk: [
    'How was your weekend, {buyer}? Did you get out at all with {weather}?',
    'I hear you\'re in {city} now. How are you finding it?',
    'Thanks for making the time today, I know {weekday}s get busy.',
    'Before we dive in, I saw your team just announced a new office. Congratulations on that.',
    'I spent the weekend on {hobby}, so I\'m running on coffee today.',
    'Can you hear me alright? My connection has been a little shaky this morning.',
  ],
  discovery: [
    'What made you take this call now rather than six months ago?',
    'Can you walk me through how your {thing} works today, start to finish?',
    'What happens on your side when {pain} comes up?',
    'Who else feels this besides you? How does it land for {stakeholder}?',
    'If nothing changed over the next year, what would that cost you?',
    'What have you already tried, and what got in the way?',
    'How would you know, a year from now, that this was worth doing?',
    'What does a good week look like for you once this is sorted out?',
    'When you picture your {thing} working the way you want, what is different?',
    'What would need to be true for you to feel confident making a change?',
    'How are you deciding between options, and who weighs in on that?',
    'What worries you most about switching?',
    'Where does this sit among everything else on your plate {timeframe}?',
    'Tell me more about that. What happened next?',
  ],
  reflection: [
    'So if I\'m hearing you right, the real issue is {pain}, and it\'s landing on {stakeholder}.',
    'It sounds like you want to {outcome}, and the current setup keeps getting in the way.',
    'Let me make sure I have this: you\'ve been dealing with {pain} since {month}, and {person} is asking for a plan.',
    'What I\'m taking away is that speed matters less to you than trust. Is that fair?',
    'You said earlier that you felt {feeling} about it. That stuck with me.',
    'Let\'s figure out together whether this is even the right fit for what you described.',
  ],
  pitch: [
    '{company} has been the category leader for {number} years running, and our customers love us.',
    'Let me tell you a little about {company} and why we\'re different.',
    'We just won another industry award, which is a big deal for our team.',
    'Our {product} is honestly the most complete option on the market.',
    'I want to show you our new release, it\'s really impressive.',
    'We work with {bignumber} companies just like yours, so we know exactly what you need.',
    'Our engineers spent two years building {product}, and it shows.',
    'I\'m going to walk you through our deck so you can see everything we do.',
    'Wouldn\'t you agree that {product} is exactly what you\'ve been missing?',
    'Our founder started {company} because she saw the whole industry doing it wrong.',
  ],
  features: [
    'You get {feature}, {feature}, and {feature} right out of the box.',
    'It also comes with {feature}, which nobody else has at this price.',
    'And on top of that there\'s {feature} and {feature}.',
    'The premium tier adds {feature}, plus priority support.',
    'We also just shipped {feature}, which our customers have been asking about.',
  ],
  tied: [
    'You mentioned {pain}. That\'s where {feature} comes in, because it would help you {outcome}.',
    'Since {stakeholder} is the one carrying this, {feature} would take that off their desk.',
    'Given what you said about your {thing}, the part that matters is {feature}; the rest you can ignore.',
  ],
  pressure: [
    'This pricing is only good until {weekday}, so I\'d want to get the paperwork started today.',
    'I really need to get this signed this month to hit my number.',
    'I\'m not trying to pressure you, but we only have {number} slots left at this rate.',
    'If we can get a verbal yes today, I can lock in the discount for you.',
    'Which works better for the contract, starting on the first or the fifteenth?',
    'My manager said he could approve {percent} off, but only if we close this week.',
    'Let\'s get you set up now and you can sort out the details later.',
  ],
  nextsteps: [
    'What would you like to happen next, and who should be in the room for it?',
    'Would it help if I put together a short summary of what you told me, so you can share it with {person}?',
    'How about you take the week, talk it over with {stakeholder}, and tell me where you land?',
    'I\'ll send over our standard proposal and a case study, and we can do a demo {timeframe}.',
  ],
};

/** Buyer templates: short replies, medium answers, and pieces that build longer stories. */
export const BUYER = {
  short: [
    'Yeah, that\'s fair.', 'Not really, no.', 'Hmm, maybe.', 'I\'d have to check with {person}.', 'Okay.', 'Sure, go ahead.',
    'That sounds expensive.', 'Right.', 'I guess so.', 'We\'ll see.', 'Good, thanks. You?', 'Honestly, I don\'t know yet.',
  ],
  medium: [
    'We\'re using {competitor} right now, and it mostly works, but {pain} is wearing everyone down.',
    'The budget is tight {timeframe}, so whatever we do has to pay for itself.',
    '{person} is the one who signs, and they\'re pretty skeptical of anything new.',
    'We looked at {competitor} last year and it didn\'t go anywhere.',
    'What I really want is to {outcome}. Everything else is secondary.',
    'How long does setup usually take? We can\'t afford a long disruption.',
    'What does it cost, roughly? I need a number to take back to {person}.',
    'I\'m not sure we need all of that. Most of those features we\'d never touch.',
    'I\'ve heard that pitch before, to be honest. Everyone says they\'re different.',
    'That would be a big change for {stakeholder}, and they\'re already stretched.',
  ],
  storyOpen: [
    'So let me give you some background.', 'Okay, here\'s the long version.', 'It\'s a bit of a story, actually.',
    'You asked, so I\'ll tell you what happened.', 'This goes back a while.',
  ],
  story: [
    'About {number} months ago we had {pain}, and nobody saw it coming.',
    '{person} called me on a {weekday} night asking why it had happened again.',
    'I spent most of that week on the phone trying to sort it out.',
    'We tried patching it ourselves, and for a while it held together.',
    'Then {month} came around and the whole thing fell apart again.',
    'I remember sitting in the car thinking there had to be a better way.',
    'The worst part was that {stakeholder} took the blame for something that wasn\'t their fault.',
    'We lost {percent} of our time that quarter just cleaning up.',
    'I felt {feeling}, because I\'d promised it wouldn\'t happen twice.',
    'When I looked at the numbers, it was costing us around {bignumber} dollars a month.',
    'My predecessor had picked {competitor}, and I inherited all of its quirks.',
    'We had a meeting where everyone agreed it had to change, and then nothing changed.',
    'Part of it is that our {thing} grew faster than anyone planned for.',
    'I\'m the one who gets the call when it breaks, so this is personal for me.',
    'If I could fix one thing, it would be to {outcome}.',
    'We\'ve got {number} people who touch this every day, and they all do it a bit differently.',
    'A friend at another company told me they went through the same thing.',
    'Honestly, I\'m tired of hearing promises, I just want something that works.',
  ],
  storyClose: [
    'So that\'s where we are.', 'Anyway, that\'s the gist.', 'That\'s why I finally reached out.',
    'So yeah, it\'s been a year.', 'Does that make sense?',
  ],
  objection: [
    'I\'m not ready to commit to anything today.',
    'That deadline doesn\'t really work for us, we have our own process.',
    'Why would I pay more than {competitor} charges?',
    'Can you send me something in writing first? I don\'t decide on calls.',
  ],
};

/** Words that speech-to-text output scatters between real words. */
export const FILLERS = ['um', 'uh', 'like', 'you know', 'um', 'uh', 'i mean', 'so'];
