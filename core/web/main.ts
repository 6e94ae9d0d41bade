// Entry of the portal: defines <preau-app>, which index.html renders.
import './app/preau-app.js';
