import { PageLoading } from '../../components/States.tsx';
import { LoginPage } from '../auth/LoginPage.tsx';
import { useSetup } from './api/get-setup.ts';
import { FirstRunPage } from './FirstRunPage.tsx';

/** Nobody signed in: the first-run page while no account exists, the sign-in page otherwise. */
export function SignedOut() {
  const setup = useSetup();
  if (setup.isPending) return <PageLoading />;
  if (setup.data?.needed) return <FirstRunPage />;
  return <LoginPage />;
}
