@echo off
rem wuproxy launcher for a console on Windows: runs wuproxy.jar from the install folder (or target\
rem in a checkout) with the agent's JVM options. An installed wuproxy has wuproxy.exe (console) and
rem wuproxyw.exe (windowless, for the tray) instead, on the PATH.
rem WUPROXY_JAVA_OPTS adds JVM options (after the agent's, so they win).
setlocal
set "HERE=%~dp0.."
set "JAR=%HERE%\wuproxy.jar"
if not exist "%JAR%" set "JAR=%HERE%\target\wuproxy.jar"
if not exist "%JAR%" (
  echo wuproxy: no wuproxy.jar in %HERE% or %HERE%\target; build it with: mvn -q package -DskipTests 1>&2
  exit /b 1
)
rem The long-running commands get the agent's small footprint; the others (simulate...) Java's defaults.
set "OPTS="
if /i "%~1"=="service" set "OPTS=-Xms2m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xmn1m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -XX:CompileThresholdScaling=10"
if /i "%~1"=="agent" set "OPTS=-Xms2m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xmn1m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -XX:CompileThresholdScaling=10"
if /i "%~1"=="tray" set "OPTS=-Xms2m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xmn1m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -XX:CompileThresholdScaling=10"
rem The short commands: the client compiler only, whose start costs less than the tiered one's.
for %%c in (explain check status use pause resume sync reload) do if /i "%~1"=="%%c" set "OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
java -Ddorkbox.updates.Updates.ENABLE=false "-Dwuproxy.home=%HERE%" %OPTS% %WUPROXY_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
