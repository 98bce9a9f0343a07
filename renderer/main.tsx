/**
 * The renderer's composition root: builds the one contract client, the query cache with its
 * stream manager, and the i18n instance, and passes them down explicitly (no DI container).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createAppClient, forgetLaunchToken } from './bridge/createAppClient';
import { ClientProvider } from './bridge/ClientContext';
import { createStreamQueryManager } from './bridge/streamQueries';
import { registerStreamSpecs } from './bridge/streamSpecs';
import { createI18n, resolveLanguage, syncDocumentLanguage } from './i18n';
import { FormatProvider } from './i18n/useFormat';
import { App } from './App';
import './styles/index.css';

const client = createAppClient(window);
client.onConnectionChange((state) => {
  if (state.state === 'connected') forgetLaunchToken(window);
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
});
const streams = createStreamQueryManager(queryClient, client);
registerStreamSpecs(streams);

const i18n = createI18n(resolveLanguage(undefined, navigator.languages));
syncDocumentLanguage(i18n, document);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ClientProvider client={client} streams={streams}>
        <I18nextProvider i18n={i18n}>
          <FormatProvider>
            <App />
          </FormatProvider>
        </I18nextProvider>
      </ClientProvider>
    </QueryClientProvider>
  </StrictMode>,
);
