import '../../../../test-setup';
import { render, screen, within } from '@testing-library/react';
import { api } from '../../../../api/client';
import { importUnits } from '../import';
import { ImportReport } from './ImportReport';


it('lists every bad row with its row number and says nothing was imported', () => {
  render(
    <ImportReport
      outcome={{
        ok: false,
        message: '导入文件有 2 行有误，没有写入任何数据；请按提示改正后重新导入',
        result: { created: 0, updated: 0, dryRun: true, errors: [{ row: 3, message: '上级单位 nope 不存在' }, { row: 5, message: '党员数必须是非负整数' }] },
      }}
    />,
  );
  const report = screen.getByTestId('import-report');
  expect(report).toHaveTextContent('文件中有 2 行有误，未导入任何数据');
  // said once, not once by the screen and again in the api's words
  expect(report).not.toHaveTextContent('没有写入任何数据');
  const rows = within(report).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.textContent)).toEqual(['3上级单位 nope 不存在', '5党员数必须是非负整数']);
});

it('summarises a clean check and a finished import', () => {
  const { rerender } = render(<ImportReport outcome={{ ok: true, message: null, result: { created: 4, updated: 1, dryRun: true, errors: [] } }} />);
  expect(screen.getByTestId('import-report')).toHaveTextContent('检查通过：将新增 4 个单位、更新 1 个单位');
  rerender(<ImportReport outcome={{ ok: true, message: null, result: { created: 4, updated: 1, dryRun: false, errors: [] } }} />);
  expect(screen.getByTestId('import-report')).toHaveTextContent('导入完成：新增 4 个单位、更新 1 个单位');
  expect(screen.queryByRole('table')).toBeNull();
});

it('shows a failure that has no row report (e.g. not a spreadsheet)', () => {
  render(<ImportReport outcome={{ ok: false, message: '无法读取文件：请上传 .xlsx 或 .csv', result: null }} />);
  expect(screen.getByTestId('import-report')).toHaveTextContent('无法读取文件：请上传 .xlsx 或 .csv');
});

describe('importUnits', () => {
  const reply = (status: number, body: unknown) => ({ data: status < 300 ? body : undefined, error: status < 300 ? undefined : body, response: { ok: status < 300, status } as Response });

  it('sends the file as multipart with dryRun and reads a 400 row report as an outcome', async () => {
    const post = jest.spyOn(api, 'POST').mockResolvedValueOnce(reply(400, { statusCode: 400, error: 'Bad Request', message: '有 1 行错误', created: 0, updated: 0, dryRun: true, errors: [{ row: 2, message: '代码重复' }] }) as never);
    const o = await importUnits(new File(['x'], 'units.xlsx'), true);
    const [path, init] = post.mock.calls[0] as unknown as [string, { params: { query: { dryRun: boolean } }; body: FormData }];
    expect(path).toBe('/api/units/import');
    expect(init.params.query.dryRun).toBe(true);
    expect((init.body.get('file') as File).name).toBe('units.xlsx');
    expect(o).toEqual({ ok: false, message: '有 1 行错误', result: { statusCode: 400, error: 'Bad Request', message: '有 1 行错误', created: 0, updated: 0, dryRun: true, errors: [{ row: 2, message: '代码重复' }] } });
  });

  it('a clean import is ok', async () => {
    jest.spyOn(api, 'POST').mockResolvedValueOnce(reply(200, { created: 2, updated: 0, dryRun: false, errors: [] }) as never);
    await expect(importUnits(new File(['x'], 'u.csv'), false)).resolves.toMatchObject({ ok: true, result: { created: 2 } });
  });
});
