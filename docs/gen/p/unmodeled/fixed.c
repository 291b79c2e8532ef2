void log_hook(void);
void call_hook(void) {
  log_hook();
}
