import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.js';
import { Home } from './pages/home.js';
import { Join } from './pages/join.js';
import { Room } from './pages/room.js';
import { useRoute } from './router.js';

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <nav className="topbar" aria-label={t('app.nav')}>
        <a href="/" className="brand">
          {t('app.title')}
        </a>
        <LanguageSwitch />
      </nav>
      {route.page === 'home' && <Home />}
      {route.page === 'join' && <Join key={route.code} code={route.code} />}
      {route.page === 'room' && <Room key={route.roomId} roomId={route.roomId} />}
    </>
  );
}
