import '../../test-setup';
import { render, screen } from '@testing-library/react';
import MyUnitPage from './MyUnitPage';

// The notice depends only on the period and the unit's own versions: stub those sources.
let versions: { version: number; late: boolean }[] = [];
jest.mock('../../session/SessionContext', () => ({ useSession: () => ({ user: { unitCode: 'school-1' } }) }));
jest.mock('../../layout/period', () => ({ usePeriod: () => ({ period: { code: '2026-H1', dueOn: '2026-07-10', overdue: true } }) }));
jest.mock('../../hooks/queries', () => ({ useReports: () => ({ data: versions }) }));
jest.mock('../unit/components/UnitPeriodView', () => ({ UnitPeriodView: () => null }));

describe('MyUnitPage notice after the due date', () => {
  it('tells a unit that reported on time that a new version keeps its on-time record', () => {
    versions = [{ version: 2, late: false }, { version: 1, late: false }];
    render(<MyUnitPage />);
    expect(screen.getByText(/本期已按时报送；现在上传将作为新版本，不影响按时记录/)).toBeTruthy();
    expect(screen.queryByText(/会记为逾期/)).toBeNull();
  });

  it('warns a unit that has not reported that an upload now counts as late', () => {
    versions = [];
    render(<MyUnitPage />);
    expect(screen.getByText(/仍可上传，但会记为逾期报送/)).toBeTruthy();
    expect(screen.queryByText(/本期已按时报送/)).toBeNull();
  });
});
