#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Issue 7: the module keeps working when another module has already loaded different versions of its
# dependencies. In a fresh pwsh, stand-ins for Microsoft.Identity.Client and Azure.Core at version 99 are
# loaded into the default load context first (as Microsoft.Graph or Az would), then the module is imported
# and a cmdlet that uses Graph runs against the emulator. The child reports which load context each
# assembly landed in. PowerShell 7 only: Windows PowerShell 5.1 has no load contexts (isolation there is
# best effort, see about_AadstsTools).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
}

Describe 'Dependency isolation in PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    BeforeAll {
        $script:Folder = Get-AadstsTestModuleFolder
        $script:Report = Join-Path $TestDrive 'report.json'
        $script:Fixture = Get-AadstsEmulatorFixture -Name contoso
        $script:Emulator = if ($Fixture) { Start-AadstsGraphEmulator -Fixture $Fixture } else { $null }

        # Runs in a child pwsh so the default context starts clean and the stand-ins load before the module.
        $child = {
            param($Folder, $Work, $Report, $GraphBaseUrl)
            $ErrorActionPreference = 'Stop'
            $versions = @{}
            foreach ($name in 'Microsoft.Identity.Client', 'Azure.Core') {
                $path = Join-Path $Work "$name.dll"
                # A higher version than the module's: if the module's context deferred to the default one,
                # it would bind to these stand-ins, which lack every type the engine uses.
                $namespace = 'StandIn.' + $name.Replace('.', '_')
                Add-Type -TypeDefinition "[assembly: System.Reflection.AssemblyVersion(`"99.0.0.0`")] namespace $namespace { public class Marker { } }" -OutputAssembly $path -OutputType Library
                $versions[$name] = [System.Reflection.Assembly]::LoadFrom($path).GetName().Version.ToString()
            }

            Import-Module (Join-Path $Folder 'AadstsTools.psd1')
            $guidance = Get-AadstsGuidance 50126
            $graphResult = $null
            $graphError = $null
            $connect = Get-Command Connect-AadstsGraph -ErrorAction SilentlyContinue
            # The module reaches the emulator through AADSTS_GRAPH_BASE_URL, with the emulator's static token.
            if ($GraphBaseUrl -and $connect) {
                $env:AADSTS_GRAPH_BASE_URL = $GraphBaseUrl
                try {
                    Connect-AadstsGraph -AccessToken (ConvertTo-SecureString 'emulator-token' -AsPlainText -Force)
                    $readiness = Test-UserSignInReadiness -UserId 'alice.ready@contoso.com'
                    $graphResult = [string]$readiness.Verdict
                }
                catch {
                    $graphError = $_.Exception.ToString()
                }
            }

            $assemblies = [System.AppDomain]::CurrentDomain.GetAssemblies() |
                Where-Object { $_.GetName().Name -match '^(AadstsTools.*|Microsoft\.Identity\..*|Azure\..*|Microsoft\.Graph.*|Microsoft\.Kiota.*|System\.Text\.Json)$' } |
                ForEach-Object {
                    [pscustomobject]@{
                        Name    = $_.GetName().Name
                        Version = $_.GetName().Version.ToString()
                        Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name
                    }
                }

            [pscustomobject]@{
                StandIns        = $versions
                GuidanceCode    = $guidance.Code
                GraphAttempted  = ([bool]$graphResult -or [bool]$graphError)
                GraphVerdict    = $graphResult
                GraphError      = $graphError
                Assemblies      = @($assemblies)
            } | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $Report
        }

        $pwsh = (Get-Process -Id $PID).Path
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes(
                "& { $child } -Folder '$Folder' -Work '$TestDrive' -Report '$Report' -GraphBaseUrl '$(if ($Emulator) { $Emulator.BaseUrl })'"))
        $script:ChildOutput = & $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 | Out-String
        $script:ChildExit = $LASTEXITCODE
        $script:Result = if (Test-Path -LiteralPath $Report) { Get-Content -LiteralPath $Report -Raw | ConvertFrom-Json } else { $null }
    }

    AfterAll {
        $Emulator | Stop-AadstsGraphEmulator
    }

    It 'imports and runs a cmdlet after other versions of its dependencies were loaded' {
        $ChildExit | Should -Be 0 -Because $ChildOutput
        $Result.GuidanceCode | Should -Be 50126
        $Result.StandIns.'Microsoft.Identity.Client' | Should -Be '99.0.0.0'
    }

    It 'loads the engine into the module''s own load context, never the default one' {
        $engine = $Result.Assemblies | Where-Object Name -EQ 'AadstsTools.Engine'
        @($engine).Count | Should -Be 1
        $engine.Context | Should -Be 'AadstsTools'
        ($Result.Assemblies | Where-Object Name -EQ 'AadstsTools').Context | Should -Be 'Default'
        ($Result.Assemblies | Where-Object Name -EQ 'AadstsTools.Loader').Context | Should -Be 'Default'
    }

    It 'leaves the stand-ins alone in the default context' {
        foreach ($name in 'Microsoft.Identity.Client', 'Azure.Core') {
            $Result.Assemblies | Where-Object { $_.Name -eq $name -and $_.Context -eq 'Default' } |
                Select-Object -ExpandProperty Version | Should -Be '99.0.0.0'
        }
    }

    It 'uses its own Microsoft.Identity.Client and Azure.Core for Graph, in its own context' {
        if (-not $Result.GraphAttempted) {
            Set-ItResult -Skipped -Because 'Connect-AadstsGraph or the emulator (tests/AadstsTools.GraphEmulator, fixture contoso.json) is not in this build'
            return
        }

        $Result.GraphError | Should -BeNullOrEmpty
        $Result.GraphVerdict | Should -BeIn @('Ready', 'AtRisk', 'Blocked', 'Unknown')
        foreach ($name in 'Azure.Core', 'Microsoft.Identity.Client') {
            $ours = $Result.Assemblies | Where-Object { $_.Name -eq $name -and $_.Context -eq 'AadstsTools' }
            if ($ours) {
                $ours.Version | Should -Not -Be '99.0.0.0'
            }
        }
        $Result.Assemblies | Where-Object { $_.Name -like 'Microsoft.Graph*' -or $_.Name -like 'Microsoft.Kiota*' } |
            ForEach-Object { $_.Context | Should -Be 'AadstsTools' -Because "$($_.Name) must stay in the module's context" }
    }
}
