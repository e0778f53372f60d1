import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api';
import { App } from './app';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';

const root = document.getElementById('root');
if (root) {
  try {
    getApi();
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  } catch (error) {
    const box = document.createElement('div');
    box.className = 'fatal';
    const title = document.createElement('h1');
    title.textContent = 'Berth cannot start here';
    const message = document.createElement('p');
    message.textContent = error instanceof Error ? error.message : String(error);
    box.append(title, message);
    root.replaceChildren(box);
  }
}
