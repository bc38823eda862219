import { DEFAULT_CATALOGUE, DEFAULT_FORMULAS } from './catalogue';

// The keys of shared/spec/metric-catalogue.md, section 1, in its order.
const CATALOGUE_KEYS = `org.ideology_meeting org.committee_meeting org.member_meeting org.inspection
org.responsibility_letters study.sessions study.central_group study.party_lecture study.theme_day
study.training_sessions study.training_attendance propaganda.news propaganda.external_submissions
propaganda.new_media_posts propaganda.displays propaganda.lectures propaganda.lecture_audience
online.commentators online.incidents civility.volunteer_activities civility.volunteer_attendance
civility.pairings civility.cultural_events civility.event_attendance propaganda.materials
study.attendance study.writings org.issues_found org.issues_fixed`.split(/\s+/);

describe('DEFAULT_CATALOGUE', () => {
  it('has exactly the 29 keys of the catalogue, in its order', () => {
    expect(DEFAULT_CATALOGUE.map((d) => d.key)).toEqual(CATALOGUE_KEYS);
  });

  it('is plain data: survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_CATALOGUE))).toEqual(DEFAULT_CATALOGUE);
  });

  it('gives every metric a name, a category matching its key, measure words, triggers and a weight', () => {
    for (const d of DEFAULT_CATALOGUE) {
      expect(d.name).toBeTruthy();
      expect(d.key.startsWith(`${d.category}.`)).toBe(true);
      expect(d.measureWords.length).toBeGreaterThan(0);
      expect(d.triggers.length).toBeGreaterThan(0);
      expect(['per100', 'per_unit']).toContain(d.normalization);
      expect(d.weight).toBeGreaterThan(0);
    }
  });

  it('marks the people counts', () => {
    expect(DEFAULT_CATALOGUE.filter((d) => d.people).map((d) => d.key).sort()).toEqual([
      'civility.event_attendance',
      'civility.volunteer_attendance',
      'online.commentators',
      'propaganda.lecture_audience',
      'study.attendance',
      'study.training_attendance',
    ]);
  });
});

describe('DEFAULT_FORMULAS', () => {
  it('holds the formulas the annotation rules name', () => {
    for (const f of ['三会一课', '两学一做', '四个自信', '四个意识', '四种意识', '两个维护', '两个确立', '一岗双责', '四风', '三严三实', '十九大', '二十大', '十四五', '一把手', '一手硬一手软', '一级抓一级', '第一责任人', '四官'])
      expect(DEFAULT_FORMULAS).toContain(f);
  });
});
