// The small line chart of active calls in the calls card's header: one sample per SAMPLE_INTERVAL_MS, WINDOW_MS wide.

export const WINDOW_MS = 15 * 60 * 1000;
export const SAMPLE_INTERVAL_MS = 10 * 1000;
const LINE_COLOUR = '#0d6efd'; // Bootstrap's primary
const LABEL_COLOUR = '#adb5bd'; // Bootstrap's gray-500
const LINE_WIDTH = 2;
const PADDING = 2; // px kept free above and below the line

/** Drops the samples ([time, count]) older than the window, in place. */
export function prune(history, now) {
  while (history.length && history[0][0] < now - WINDOW_MS) history.shift();
}

/** Where a sample lands on a width × height canvas: now at the right edge, the busiest sample (max) at the top. */
export function toPoint([time, count], now, max, width, height) {
  return [width - (now - time) / WINDOW_MS * width, height - PADDING - count / max * (height - 2 * PADDING)];
}

/** A chart on canvas of what activeCalls() returns; draw() redraws it with the current count as its last point. */
export function createChart(canvas, activeCalls) {
  const history = [];
  const g = canvas.getContext('2d');

  function draw() {
    const now = Date.now();
    const points = history.concat([[now, activeCalls()]]);
    const max = Math.max(1, ...points.map(p => p[1]));
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.strokeStyle = LINE_COLOUR; g.lineWidth = LINE_WIDTH; g.beginPath();
    points.forEach((sample, i) => {
      const [x, y] = toPoint(sample, now, max, canvas.width, canvas.height);
      if (i === 0) g.moveTo(Math.min(x, canvas.width - PADDING), y); else g.lineTo(x, y);
    });
    g.stroke();
    g.fillStyle = LABEL_COLOUR; g.font = '10px sans-serif';
    g.fillText('active calls, ' + WINDOW_MS / 60000 + ' min (max ' + max + ')', 2, 10);
  }

  function sample() {
    const now = Date.now();
    history.push([now, activeCalls()]);
    prune(history, now);
    draw();
  }

  return {
    draw,
    /** Takes a sample now and then every SAMPLE_INTERVAL_MS. */
    start() { sample(); setInterval(sample, SAMPLE_INTERVAL_MS); }
  };
}
