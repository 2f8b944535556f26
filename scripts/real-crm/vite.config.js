import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Atomic CRM creates its Supabase client when its modules load, even when the fake data provider
// is passed in: give it a loopback address it never calls, so nothing leaves the machine.
// Hash routes (as Atomic CRM ships) let the static build run without server-side routing.
export default defineConfig({
  plugins: [react()],
  base: './',
  define: {
    'import.meta.env.VITE_SUPABASE_URL': JSON.stringify('http://127.0.0.1:9'),
    'import.meta.env.VITE_SUPABASE_ANON_KEY': JSON.stringify('unused'),
  },
  build: { outDir: 'dist', chunkSizeWarningLimit: 10_000 },
});
