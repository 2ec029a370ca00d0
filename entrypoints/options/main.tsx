import { render } from 'preact';
import '@/components/reader.css';
import '@/components/options/options.css';
import { OptionsApp } from '@/components/options/OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
