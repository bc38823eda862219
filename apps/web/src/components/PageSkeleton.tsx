import { Card, Skeleton } from 'antd';

export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Card aria-busy="true">
      <Skeleton active paragraph={{ rows }} />
    </Card>
  );
}
