// Entry of the .xlsx page (index.html) inside the Vite root; the page lives in addin/web/.
import '../web/page.css';
import '../web/page';
