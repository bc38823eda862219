// Integration tests wait on real services and processes; the per-project testTimeout option is
// not honoured inside `projects`, so it is set here.
jest.setTimeout(180_000);
