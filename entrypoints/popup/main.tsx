import { render } from 'preact';
import { App, loadReaderView } from '@/components/App';
import '@/components/reader.css';
import { markOnce } from '@/lib/perf';
import { readerLayout } from '@/lib/reader/load-article';
import { startReader } from '@/lib/reader/start-reader';

markOnce('popup:script');
// The article and the reader's code are asked for first; the shell paints while they come.
const start = startReader(location.search);
const readerView = loadReaderView();
document.documentElement.dataset.mode = readerLayout(location.search);
render(
  <App search={location.search} start={start} readerView={readerView} />,
  document.getElementById('app')!,
);
