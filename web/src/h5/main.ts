import { createApp } from 'vue'
import './h5.css'
import H5App from './H5App.vue'
import { router } from './router'

// The phone pages: no Element Plus and no ECharts, so a citizen's first page stays small on a slow connection.
createApp(H5App).use(router).mount('#app')
