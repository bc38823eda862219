import { Empty } from 'antd';

export default function Page() {
  return <Empty description="MetricsAdminPage" />;
}
