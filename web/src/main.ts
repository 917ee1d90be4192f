import { createApp } from 'vue'
import './styles.css'
import App from './App.vue'
import { loadConfig } from './config'
import { startSession } from './auth/session'
import { router } from './router'

async function start() {
  const app = createApp(App)
  try {
    startSession(await loadConfig())
  } catch (e) {
    const root = document.getElementById('app')
    if (root) root.textContent = e instanceof Error ? e.message : '工作台无法启动'
    return
  }
  app.use(router)
  app.mount('#app')
}

void start()
