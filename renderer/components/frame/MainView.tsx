/** Picks the view for a route. */
import type { Route } from '../../routing/routes';
import { ContextPicker } from '../picker/ContextPicker';
import { SettingsView } from '../settings/SettingsView';
import { ResourceListView } from '../list/ResourceListView';
import { DetailView } from '../detail/DetailView';
import { OverviewView } from '../overview/OverviewView';
import { HomeRedirect } from './HomeRedirect';

export function MainView({ route }: { route: Route }) {
  switch (route.view) {
    case 'home':
      return (
        <>
          <HomeRedirect />
          <ContextPicker />
        </>
      );
    case 'settings':
      return <SettingsView />;
    case 'overview':
      return <OverviewView key={route.context} context={route.context} />;
    case 'list':
      return <ResourceListView context={route.context} kindId={route.kindId} filters={route.filters} />;
    case 'detail':
      return <DetailView key={`${route.context}/${route.kindId}/${route.namespace}/${route.name}`} route={route} />;
  }
}
