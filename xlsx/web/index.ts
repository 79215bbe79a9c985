// Entry of the .xlsx page (index.html, built to dist/index.html and served at the Worker's /).
import './page.css';
import './page';
