// Only the Mantine styles the overview uses (the full sheet is ~40 KB gzip); order matters.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Skeleton.css';
import './styles.css';
import './leaders.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { getLang, loadLanguage, setLang } from './i18n.ts';
import { installPrintCharts } from './lib/print-charts.ts';

document.documentElement.lang = getLang();
installPrintCharts();
// English is a chunk of its own: wait for it, or start in Vietnamese if it cannot be fetched.
await loadLanguage(getLang()).catch(() => setLang('vi'));

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');
// As a transition, the first render is drawn in slices that leave a slow phone responsive.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
