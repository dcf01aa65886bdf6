import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api';
import { App } from './app';

const client = new QueryClient({
  defaultOptions: {
    queries: {
      // Every staff read is recorded with its reason: read when asked, not on focus or in the background.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      staleTime: 30_000,
      // A refusal or a bad request will not change by asking again; a dropped connection may.
      retry: (count, error) =>
        count < 1 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
