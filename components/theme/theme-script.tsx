/**
 * Runs before first paint (inline in <head>), so a saved dark theme never flashes light.
 * localStorage `theme` is "light", "dark" or "system" (also the default); with "system" the
 * page follows the OS setting, including when it changes while the page is open.
 */
const script = `(function(){try{
var root=document.documentElement,media=window.matchMedia("(prefers-color-scheme: dark)");
function apply(){var t=localStorage.getItem("theme");var dark=t==="dark"||(t!=="light"&&media.matches);
root.classList.toggle("dark",dark);}
apply();media.addEventListener("change",apply);
}catch(e){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
