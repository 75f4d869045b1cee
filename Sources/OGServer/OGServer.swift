import HTTPServer
import Render
import Store
