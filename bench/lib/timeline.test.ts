import { describe, expect, it } from 'vitest';
import {
  explainClaim,
  explainWarmNavigation,
  pairRequests,
  type TimelineEvent,
} from './timeline';

const fetchOf = (name: string, start: number, end: number): TimelineEvent => ({
  kind: 'fetch',
  name,
  start,
  end,
});
const network = (start: number, end: number): TimelineEvent => ({
  kind: 'resource',
  name: 'network /graphql',
  start,
  end,
  detail: 'request → first byte 5 ms',
});
const milestone = (name: string, start: number): TimelineEvent => ({
  kind: 'milestone',
  name,
  start,
  end: start,
});

describe('pairRequests', () => {
  it('ends a request when its answer was off the wire and keeps when the page had it', () => {
    const [first, second, ...rest] = pairRequests([
      fetchOf('TaskDetailsRouteQuery', 1, 40),
      network(1.5, 20),
      fetchOf('TaskFormQuery', 21, 60),
      network(21.2, 35),
    ]);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ end: 20, handedAt: 40 });
    expect(second).toMatchObject({ name: 'TaskFormQuery', end: 35 });
  });

  it('leaves a request without a network entry as it was', () => {
    expect(pairRequests([fetchOf('A', 1, 9)])).toEqual([fetchOf('A', 1, 9)]);
  });
});

describe('explainWarmNavigation', () => {
  it('counts the round trips in sequence and the placeholders', () => {
    const sample = pairRequests([
      fetchOf('TaskDetailsRouteQuery', 2, 30),
      network(2, 20),
      fetchOf('TaskFormQuery', 22, 50),
      network(22, 40),
      milestone('task page placeholder (Suspense)', 5),
      milestone('first form field', 60),
    ]);
    const text = explainWarmNavigation([sample]);
    expect(text).toContain('form shown at 60.0 ms');
    expect(text).toContain('2.0 GraphQL requests before it, 2.0 round trip(s)');
    expect(text).toContain(
      'off the wire at 40.0 ms and the form showed 20.0 ms',
    );
    expect(text).toContain('Suspense placeholder showed in 1/1 samples');
  });
});

describe('explainClaim', () => {
  it('splits the claim into sending, the wire, the hand-over and the page', () => {
    const sample = pairRequests([
      fetchOf('ClaimTaskMutation', 2, 30),
      network(2.5, 20),
      milestone('Unassign shown', 33),
    ]);
    const text = explainClaim([sample]);
    expect(text).toContain('button updated at 33.0 ms');
    expect(text).toContain('click → mutation sent 2.0 ms');
    expect(text).toContain('18.0 ms; answer handed');
    expect(text).toContain(
      "page's code 10.0 ms; Apollo and React to the updated button 3.0 ms",
    );
  });
});
