// PLACEHOLDER task pane bootstrap: renders only after Office.onReady; replaced by the real task pane.
import { FluentProvider, Title2, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container === null) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Title2 as="h1">AE Guard</Title2>
    </FluentProvider>,
  );
});
