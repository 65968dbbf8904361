import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { RouterProvider } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import ruRU from 'antd/locale/ru_RU';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { apiClient } from './api/client';
import { makeStore } from './app/store';
import { router } from './app/routes';
import { AuthGate } from './features/access/AuthGate';

dayjs.extend(customParseFormat);
dayjs.locale('ru');

const store = makeStore(apiClient);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Provider store={store}>
      <ConfigProvider locale={ruRU} theme={{ token: { colorPrimary: '#1f5fa8', borderRadius: 6 } }}>
        <AntApp>
          <AuthGate>
            <RouterProvider router={router} />
          </AuthGate>
        </AntApp>
      </ConfigProvider>
    </Provider>
  </StrictMode>,
);
