import { FluentProvider, Title2, Body1, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

// Placeholder until the tab (issue #7) lands: proves the build and the /tab/ route.
function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 24 }}>
        <Title2 as="h1">HSB clause library</Title2>
        <Body1 as="p">Local mode: the Word task pane is being built.</Body1>
      </main>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
