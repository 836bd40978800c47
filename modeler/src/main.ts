/** @module main — entry of the browser front end: mounts the app shell (header, navigation, routes). */
import './styles/app.css';
import { createAppShell } from './shell/app-shell';

const root = document.querySelector<HTMLDivElement>('#app');
if (root) createAppShell(root);
