import { type RefObject, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether an element has come near the screen yet (within `margin` of it), and stays true after.
 * Drawing a chart is the costliest work on the pages leaders open (≈ 70 % of the overview's script
 * time on a phone), and on a phone the overview's charts sit several screens down: they are drawn
 * when the reader scrolls towards them, not while the figures above are being read. Printing draws
 * them at once (`beforeprint` is handled synchronously, before the browser lays out the page).
 */
export function useSeen<T extends Element>(margin = '300px'): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    const beforePrint = () => flushSync(() => setSeen(true));
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, [seen, margin]);
  return [ref, seen];
}
