"""The Teams app package: the manifest template, its French localization, the icons and the script that builds the zip."""
