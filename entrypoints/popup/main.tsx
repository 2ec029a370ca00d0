import { render } from 'preact';
import { App } from '@/components/App';
import '@/components/reader.css';
import { readerLayout } from '@/lib/reader/load-article';

document.documentElement.dataset.mode = readerLayout(location.search);
render(<App search={location.search} />, document.getElementById('app')!);
