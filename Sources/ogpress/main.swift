import OGServer
