import { Toaster } from '@fluentui/react-components';

/** The app's one toaster: every toast (Undo after a removal) is dispatched to this id. */
export const appToasterId = 'hsb-app';

/** Mounted once, at the root of the tab; toasts are announced through its live region. */
export function AppToaster() {
  return <Toaster toasterId={appToasterId} position="bottom-end" pauseOnHover pauseOnWindowBlur />;
}
