@echo off
rem wuproxy launcher for a console on Windows: runs wuproxy.jar from the install folder (or target\
rem in a checkout) with the agent's JVM options. The installed service and tray use wuproxy.exe.
setlocal
set "HERE=%~dp0.."
set "JAR=%HERE%\wuproxy.jar"
if not exist "%JAR%" set "JAR=%HERE%\target\wuproxy.jar"
if not exist "%JAR%" (
  echo wuproxy: no wuproxy.jar in %HERE% or %HERE%\target; build it with: mvn -q package -DskipTests 1>&2
  exit /b 1
)
java -Ddorkbox.updates.Updates.ENABLE=false "-Dwuproxy.home=%HERE%" -Xmx64m -XX:+UseSerialGC -jar "%JAR%" %*
exit /b %ERRORLEVEL%
