import '../test-setup';
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../i18n/i18n';
import { FlagTag, ReportStatusTag, ReviewStateTag } from './tags';

it('names flags as @thermocline/contracts does, with their meaning on hover', () => {
  render(
    <>
      <FlagTag code="low_specificity" />
      <FlagTag code="declining" />
    </>,
  );
  expect(screen.getByText('内容空泛')).toHaveAttribute('title', '每千字可量化的事实过少');
  expect(screen.getByText('持续降温')).toBeInTheDocument();
});

it('shows a code it has no name for as is, and speaks English on the switch', () => {
  render(
    <I18nProvider lang="en">
      <FlagTag code="no_such_flag" />
      <ReportStatusTag status="extracted" />
      <ReviewStateTag state="corrected" />
    </I18nProvider>,
  );
  expect(screen.getByText('no_such_flag')).toBeInTheDocument();
  expect(screen.getByText('Extracted')).toBeInTheDocument();
  expect(screen.getByText('Corrected')).toBeInTheDocument();
});
