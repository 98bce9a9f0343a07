/** The app frame: hotbar, sidebar, the routed main view, status bar and command palette. */
import { useTranslation } from 'react-i18next';
import { useRoute } from './routing/useRoute';
import { routeContext } from './routing/routes';
import { Hotbar } from './components/frame/Hotbar';
import { Sidebar } from './components/frame/Sidebar';
import { StatusBar } from './components/frame/StatusBar';
import { CoreBanner } from './components/frame/CoreBanner';
import { LanguageSync } from './components/settings/LanguageSync';
import { MainView } from './components/frame/MainView';
import { CommandPalette } from './components/palette/CommandPalette';
import { useEnsureConnected } from './components/frame/useEnsureConnected';
import { useClusterStatuses } from './components/frame/useClusterStatus';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const context = routeContext(route);
  useEnsureConnected(context);
  // One snapshot for the hotbar and the status bar, so they never disagree about a cluster.
  const clusters = useClusterStatuses();
  return (
    <div className="app">
      <LanguageSync />
      <CoreBanner />
      <div className="app-body">
        <Hotbar clusters={clusters} activeContext={context} view={route.view} />
        {context !== undefined && <Sidebar context={context} route={route} />}
        <main className="main" aria-label={t('app.name')}>
          <MainView route={route} />
        </main>
      </div>
      <StatusBar clusters={clusters} activeContext={context} />
      <CommandPalette route={route} />
    </div>
  );
}
