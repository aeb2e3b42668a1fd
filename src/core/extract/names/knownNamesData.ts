import type { NameType } from '../types';

/**
 * The well-known names of `knownNames.ts`, one entry a line: `Canonical|alias|alias`. A leading `~` marks a
 * form that is also a common word, a place or a person's name, applied only with a cue of the group's kind; a
 * leading `ORG:`, `MISC:`, … gives an entry a type other than its group's. Written from general knowledge of
 * the public lists named in `scripts/eval/lexiconSources.ts`; nothing here comes from a test set.
 */

export type CueKind = 'company' | 'club' | 'oil' | 'award' | 'un' | 'press' | 'party' | 'sport' | 'finance' | 'weapon' | 'acronym' | 'none';

export interface KnownNameGroup {
  name: string;
  type: NameType;
  cue: CueKind;
  entries: string;
}

export const KNOWN_NAME_GROUPS: KnownNameGroup[] = [
  {
    name: 'UN system and international organisations',
    type: 'ORG',
    cue: 'un',
    entries: `
United Nations|UN|U.N.
UN Security Council|United Nations Security Council|U.N. Security Council|~Security Council
UN General Assembly|United Nations General Assembly|U.N. General Assembly|~General Assembly
UN Human Rights Council|United Nations Human Rights Council|Human Rights Council
UN Secretariat|United Nations Secretariat
Office of the UN High Commissioner for Human Rights|OHCHR|UN Human Rights Office
World Food Programme|WFP|World Food Program|UN World Food Programme
World Health Organization|World Health Organisation|~[acronym]WHO
UNICEF|Unicef|United Nations Children's Fund|UN Children's Fund
UNHCR|UN Refugee Agency|United Nations High Commissioner for Refugees|UN High Commissioner for Refugees
UNRWA|Unrwa|United Nations Relief and Works Agency|UN Relief and Works Agency
UNESCO|Unesco
International Atomic Energy Agency|IAEA
International Monetary Fund|IMF
World Bank|World Bank Group
World Trade Organization|World Trade Organisation|WTO
International Labour Organization|International Labour Organisation|ILO
Food and Agriculture Organization|Food and Agriculture Organisation|FAO
United Nations Development Programme|UN Development Programme|UNDP
United Nations Environment Programme|UN Environment Programme|UNEP
UNCTAD|UN Trade and Development
UN Office for the Coordination of Humanitarian Affairs|OCHA|Office for the Coordination of Humanitarian Affairs
UN Population Fund|UNFPA|United Nations Population Fund
UN Women
UNAIDS
UNFCCC|UN Framework Convention on Climate Change
Intergovernmental Panel on Climate Change|IPCC
World Meteorological Organization|World Meteorological Organisation|WMO
International Maritime Organization|International Maritime Organisation|IMO
International Civil Aviation Organization|International Civil Aviation Organisation|ICAO
International Telecommunication Union|ITU
World Intellectual Property Organization|World Intellectual Property Organisation|WIPO
International Court of Justice|ICJ
International Criminal Court
Permanent Court of Arbitration
International Organization for Migration|International Organisation for Migration|IOM
UN Interim Force in Lebanon|UNIFIL|United Nations Interim Force in Lebanon
MONUSCO
UNMISS
UN Truce Supervision Organization|UNTSO
International Energy Agency|IEA
International Renewable Energy Agency|IRENA
Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development|OECD
Organization for Security and Co-operation in Europe|Organisation for Security and Co-operation in Europe|OSCE
NATO|Nato|North Atlantic Treaty Organization|North Atlantic Treaty Organisation
North Atlantic Council
Council of Europe
African Union
Arab League|League of Arab States
Gulf Cooperation Council|GCC
ASEAN|Asean|Association of Southeast Asian Nations
ASEAN Coordinating Centre for Humanitarian Assistance|AHA Centre
OPEC+|Opec+|OPEC Plus|Opec Plus
OPEC|Opec|Organization of the Petroleum Exporting Countries
G7|G-7|Group of Seven
G20|G-20|Group of 20|Group of Twenty
BRICS|Brics
Shanghai Cooperation Organisation|Shanghai Cooperation Organization
Organisation of Islamic Cooperation|Organization of Islamic Cooperation|OIC
Organization of American States|OAS
Mercosur
Economic Community of West African States|ECOWAS|Ecowas
Southern African Development Community|SADC
East African Community
Intergovernmental Authority on Development|IGAD
Pacific Islands Forum
Commonwealth of Nations|Commonwealth Secretariat
Collective Security Treaty Organization
Eurasian Economic Union
Asia-Pacific Economic Cooperation|APEC|Apec
African Development Bank|AfDB
Asian Development Bank
Asian Infrastructure Investment Bank|AIIB
Inter-American Development Bank
New Development Bank
Bank for International Settlements
Financial Stability Board
Financial Action Task Force|FATF
Paris Club
World Economic Forum|WEF
International Committee of the Red Cross|ICRC
International Federation of Red Cross and Red Crescent Societies|IFRC
Red Cross
Red Crescent|Palestine Red Crescent Society|Palestinian Red Crescent|Palestine Red Crescent
Médecins Sans Frontières|Medecins Sans Frontieres|MSF|Doctors Without Borders
Amnesty International
Human Rights Watch
Oxfam
Save the Children
Norwegian Refugee Council
International Rescue Committee
Danish Refugee Council
Mercy Corps
Islamic Relief
CARE International
ActionAid
Greenpeace
WWF|World Wide Fund for Nature|World Wildlife Fund
Transparency International
Reporters Without Borders|Reporters Sans Frontières
Committee to Protect Journalists
International Crisis Group
Interpol
Europol
Eurojust
Frontex
Organisation for the Prohibition of Chemical Weapons|Organization for the Prohibition of Chemical Weapons|OPCW
Comprehensive Nuclear-Test-Ban Treaty Organization|CTBTO
International Olympic Committee|IOC
International Paralympic Committee
FIFA|Fifa
UEFA|Uefa
World Anti-Doping Agency|WADA|Wada
Court of Arbitration for Sport
International Cricket Council
World Rugby
Muhammadiyah
Nahdlatul Ulama
Bill & Melinda Gates Foundation|Gates Foundation
Gavi|Gavi, the Vaccine Alliance
Global Fund|Global Fund to Fight AIDS, Tuberculosis and Malaria
Wellcome Trust
Rockefeller Foundation
Open Society Foundations
`,
  },
  {
    name: 'EU institutions and agencies',
    type: 'ORG',
    cue: 'none',
    entries: `
European Union|EU|E.U.
European Commission|EU Commission
European Parliament|EU Parliament
European Council
Council of the European Union|Council of the EU
European Central Bank|ECB
Court of Justice of the European Union|European Court of Justice|ECJ|CJEU
European Court of Human Rights|ECHR
European Court of Auditors
European Investment Bank|EIB
European Bank for Reconstruction and Development|EBRD
European Stability Mechanism|ESM
European External Action Service|EEAS
European Defence Agency
European Medicines Agency
European Food Safety Authority|EFSA
European Banking Authority
European Securities and Markets Authority|ESMA
European Environment Agency
European Centre for Disease Prevention and Control|ECDC
European Public Prosecutor's Office|EPPO
European Anti-Fraud Office|OLAF
European Ombudsman
European Space Agency|ESA
Eurostat
Eurogroup
Eurosystem
European Economic and Social Committee
European Committee of the Regions
EU Border Assistance Mission|EUBAM
`,
  },
  {
    name: 'legislatures and chambers',
    type: 'ORG',
    cue: 'none',
    entries: `
Knesset
Bundestag
Bundesrat
State Duma|Duma
Federation Council
National Assembly
Assemblée nationale|Assemblee nationale
French Senate
Chamber of Deputies
Congress of Deputies
Cortes Generales
Italian Senate
Italian Parliament
Sejm
Verkhovna Rada
Riksdag
Storting|Stortinget
Folketing|Folketinget
Eduskunta
Althing
Oireachtas
Dáil|Dáil Éireann|Dail
Seanad|Seanad Éireann
Tweede Kamer
States General
Eerste Kamer
Nationalrat
Bundesversammlung
Grand National Assembly
Lok Sabha
Rajya Sabha
National People's Congress|NPC
Standing Committee of the National People's Congress
National Diet
House of Councillors
Legislative Yuan
Legislative Council|LegCo
Majlis
Federal Assembly
House of Commons
House of Lords
House of Representatives
US Congress|U.S. Congress|United States Congress
US Senate|U.S. Senate|United States Senate
US House of Representatives|U.S. House of Representatives
Scottish Parliament
Parliament
Congress
Senate
Senedd|Welsh Parliament
Northern Ireland Assembly|Stormont Assembly
Saeima
Seimas
Riigikogu
Sabor
Hellenic Parliament
Assembly of the Republic
Országgyűlés
Parliament of Canada
Australian Parliament|Parliament of Australia
Rajya Sabha
Congress of the Republic
Jatiya Sangsad
Federal Council
Swiss Federal Assembly
Congreso
European Parliament
`,
  },
  {
    name: 'armed forces and intelligence services',
    type: 'ORG',
    cue: 'none',
    entries: `
Bundeswehr
Israel Defense Forces|Israel Defence Forces|IDF
Israeli Air Force
Shin Bet|Shabak
Mossad
CIA|Central Intelligence Agency
FBI|Federal Bureau of Investigation
National Security Agency
Defense Intelligence Agency
Office of the Director of National Intelligence|ODNI
Secret Service
MI5
MI6|Secret Intelligence Service
GCHQ
Royal Navy
Royal Air Force|RAF
British Army
Royal Marines
Special Air Service|SAS
FSB|Federal Security Service
SVR|Russian Foreign Intelligence Service
GRU
KGB
Wagner Group
Islamic Revolutionary Guard Corps|Revolutionary Guard Corps|Revolutionary Guards|IRGC
Quds Force
Basij
People's Liberation Army|PLA
People's Liberation Army Navy
Ministry of State Security
Bundesnachrichtendienst|BND
Verfassungsschutz
DGSE
DGSI
Inter-Services Intelligence
Research and Analysis Wing
ASIO|Australian Security Intelligence Organisation
Australian Defence Force|ADF
Canadian Armed Forces
Canadian Security Intelligence Service
Japan Self-Defense Forces|Self-Defense Forces|Japan Self-Defence Forces
Marine Corps
Space Force
National Guard
Coast Guard
US Central Command|CENTCOM|Centcom
US European Command|EUCOM
Indo-Pacific Command|INDOPACOM
Rapid Support Forces
Sudanese Armed Forces
Syrian Democratic Forces
Ukrainian Armed Forces|Armed Forces of Ukraine
SBU|Security Service of Ukraine
HUR
Rosgvardia
Tatmadaw
Polish Armed Forces
Turkish Armed Forces
Indian Army
Pakistan Army
Bundesheer
French Armed Forces
`,
  },
  {
    name: 'central banks',
    type: 'ORG',
    cue: 'finance',
    entries: `
Federal Reserve|US Federal Reserve|U.S. Federal Reserve|~Fed
Federal Reserve Bank of New York|New York Fed
Bank of England|BoE
Bank of Japan|BoJ|BOJ
People's Bank of China|PBOC|PBoC
Swiss National Bank|SNB
Bank of Canada
Reserve Bank of Australia|RBA
Reserve Bank of India|~RBI
Reserve Bank of New Zealand|RBNZ
Bundesbank|Deutsche Bundesbank
Banque de France
Bank of Italy|Banca d'Italia
Bank of Spain|Banco de España
De Nederlandsche Bank
Riksbank|Sveriges Riksbank
Norges Bank
Danmarks Nationalbank
Bank of Finland
Central Bank of Ireland
Bank of Greece
Banco de Portugal
National Bank of Belgium
Oesterreichische Nationalbank
Bank of Russia|Central Bank of Russia
Central Bank of the Republic of Türkiye|Central Bank of Turkey|Turkish central bank
Bank of Korea|BoK
Bank of Mexico|Banxico
Central Bank of Brazil|Banco Central do Brasil
Central Bank of Argentina
South African Reserve Bank|SARB
Saudi Central Bank|Saudi Arabian Monetary Authority|SAMA
National Bank of Poland|NBP
Czech National Bank|CNB
Magyar Nemzeti Bank|National Bank of Hungary|Hungarian National Bank
National Bank of Romania
Bank Indonesia
Central Bank of Nigeria
Central Bank of Egypt
Bank of Israel
Central Bank of Iran
Hong Kong Monetary Authority|HKMA
Monetary Authority of Singapore|MAS
Bank of Thailand
State Bank of Pakistan
National Bank of Ukraine
`,
  },
  {
    name: 'political parties',
    type: 'ORG',
    cue: 'party',
    entries: `
Republican Party|GOP|Grand Old Party
Democratic Party
Democratic National Committee|DNC
Republican National Committee|RNC
Conservative Party|Conservative and Unionist Party|Tory party
Labour Party|~Labour
Liberal Democrats|Lib Dems
Reform UK
Scottish National Party|SNP
Plaid Cymru
Green Party
Democratic Unionist Party|DUP
Sinn Féin|Sinn Fein
Social Democratic and Labour Party|SDLP
Ulster Unionist Party|UUP
Christian Democratic Union|CDU
Christian Social Union|CSU
Social Democratic Party|SPD
Alternative for Germany|Alternative für Deutschland|AfD
Free Democratic Party|FDP
Die Linke|Left Party
Sahra Wagenknecht Alliance|BSW
National Rally|Rassemblement National|Rassemblement national
La France Insoumise|France Unbowed|LFI
Les Républicains|Les Republicains
Reconquête|Reconquete
~Renaissance
Socialist Party
MoDem
Brothers of Italy|Fratelli d'Italia
Lega
Forza Italia
Five Star Movement|M5S
Partido Popular
Spanish Socialist Workers' Party|PSOE
~Vox
Sumar
Podemos
Junts
D66|Democrats 66
People's Party for Freedom and Democracy|VVD
Party for Freedom|PVV
GroenLinks
PvdA
CDA|Christian Democratic Appeal
Farmer-Citizen Movement
JA21
Fidesz
~Tisza|Tisza Party
Jobbik
Law and Justice|PiS
Civic Platform
Civic Coalition
Freedom Party|Freedom Party of Austria|FPÖ|FPO
Austrian People's Party|ÖVP|OVP
SPÖ
Sweden Democrats
Moderate Party
Finns Party
Venstre
N-VA|New Flemish Alliance
Vlaams Belang
Chega
New Democracy
Syriza
Pasok|PASOK
ANO
Smer
Progressive Slovakia
Alliance for the Union of Romanians|AUR
GERB
Fianna Fáil|Fianna Fail
Fine Gael
HDZ
Liberal Party
New Democratic Party|NDP
Bloc Québécois|Bloc Quebecois
Australian Labor Party|Labor Party
Liberal Democratic Party|LDP
Komeito
Constitutional Democratic Party
Japan Innovation Party|Ishin
Sanseito
Bharatiya Janata Party|BJP
Indian National Congress|Congress party
Aam Aadmi Party
Trinamool Congress
Chinese Communist Party|Communist Party of China|CCP
Communist Party
United Russia
Workers' Party
Morena
Institutional Revolutionary Party|PRI
Justicialist Party
La Libertad Avanza
African National Congress|ANC
Democratic Alliance
Economic Freedom Fighters
Democratic Party of Korea
People Power Party
Justice and Development Party|AKP|AK Party
Republican People's Party|CHP
Nationalist Movement Party|MHP
Gerindra
Golkar
Indonesian Democratic Party of Struggle|PDI-P
Likud
Yesh Atid
Shas
Otzma Yehudit
United Torah Judaism
Pakistan Tehreek-e-Insaf
Pakistan Muslim League
Awami League
Bangladesh Nationalist Party
Fatah
MISC:Republican|Republicans
MISC:Democrat|Democrats
MISC:Tory|Tories
MISC:Conservatives
MISC:Labourite|Labourites
MISC:Gaullist|Gaullists
MISC:Peronist|Peronists
MISC:Socialist|Socialists
MISC:Communist|Communists
MISC:Social Democrats
MISC:Christian Democrats
`,
  },
  {
    name: 'pollsters',
    type: 'ORG',
    cue: 'none',
    entries: `
Ifop
Ipsos|Ipsos Mori|Ipsos MORI
YouGov
Gallup
Pew Research Center|Pew Research Centre
Elabe
Odoxa
Harris Interactive
Opinium
Savanta
Survation
Deltapoll
More in Common
Redfield & Wilton
Forsa
Infratest dimap
INSA
Allensbach|Allensbach Institute
Forschungsgruppe Wahlen
Kantar
Morning Consult
Quinnipiac|Quinnipiac University
Marist|Marist College|Marist Poll
Emerson College
Rasmussen Reports
Levada Center|Levada Centre
Datafolha
Quaest
Nanos
Angus Reid|Angus Reid Institute
Léger|Leger
Newspoll
SWG
Tecnè
Ipsos Reid
CVoter
Gallup Korea
Realmeter
`,
  },
  {
    name: 'news agencies and outlets',
    type: 'ORG',
    cue: 'press',
    entries: `
Reuters|Thomson Reuters
Associated Press|AP
Agence France-Presse|Agence France Presse|AFP
~Bloomberg|Bloomberg News|Bloomberg LP
Xinhua|Xinhua News Agency
TASS|Tass
RIA Novosti
Interfax
Anadolu Agency|Anadolu
Kyodo News|Kyodo
Yonhap
ANSA
EFE
Press Trust of India
PA Media
BBC
CNN
Fox News
MSNBC
NBC|NBC News
CBS|CBS News
ABC News
NPR
PBS
Sky News
ITV
Channel 4
Al Jazeera
Al Arabiya
France 24
Deutsche Welle
Euronews
CNBC
New York Times|NYT
Washington Post
Wall Street Journal|WSJ
Financial Times
~Guardian
~Economist
~Telegraph|Daily Telegraph
Politico
Axios
Le Monde
Le Figaro
Libération
Der Spiegel|Spiegel
Die Zeit
Frankfurter Allgemeine Zeitung|FAZ
Süddeutsche Zeitung
Bild
Corriere della Sera
La Repubblica
El País
El Mundo
Haaretz
Times of Israel
Jerusalem Post
Asahi Shimbun
Yomiuri Shimbun
Nikkei Asia
South China Morning Post|SCMP
Global Times
People's Daily
China Daily
Hindustan Times
Times of India
Daily Mail
Daily Mirror
Evening Standard
New Yorker
Newsweek
USA Today
Los Angeles Times
Chicago Tribune
Semafor
Bellingcat
ProPublica
~Forbes
TechCrunch
Al-Monitor
Kyiv Independent
Meduza
Novaya Gazeta
Reuters Institute
`,
  },
  {
    name: 'stock exchanges',
    type: 'ORG',
    cue: 'none',
    entries: `
New York Stock Exchange|NYSE
Nasdaq|NASDAQ
London Stock Exchange
London Stock Exchange Group|LSEG
Euronext
Deutsche Börse|Deutsche Boerse
Frankfurt Stock Exchange
Tokyo Stock Exchange
Japan Exchange Group
Shanghai Stock Exchange
Shenzhen Stock Exchange
Hong Kong Stock Exchange|Hong Kong Exchanges and Clearing|HKEX
Bombay Stock Exchange
National Stock Exchange of India
Toronto Stock Exchange
Australian Securities Exchange
Korea Exchange
Taiwan Stock Exchange
SIX Swiss Exchange
Borsa Italiana
Bolsa de Madrid
Johannesburg Stock Exchange|JSE
Tadawul|Saudi Exchange
Moscow Exchange
Borsa Istanbul
Chicago Mercantile Exchange|CME Group
Intercontinental Exchange
London Metal Exchange|LME
Cboe|Cboe Global Markets
Euroclear
Clearstream
Nasdaq Stockholm
`,
  },
  {
    name: 'companies and brands',
    type: 'ORG',
    cue: 'company',
    entries: `
~Apple|Apple Inc.
Microsoft
~Alphabet
Google
~Amazon|Amazon.com
Amazon Web Services|AWS
~Meta|Meta Platforms
Facebook
Instagram
WhatsApp
Nvidia|NVIDIA
Intel
AMD|Advanced Micro Devices
Qualcomm
Broadcom
ASML
Samsung
Samsung Electronics
SK Hynix
Micron|Micron Technology
Texas Instruments
IBM
~Oracle
Salesforce
SAP
Adobe
Cisco
~Dell|Dell Technologies
Hewlett Packard Enterprise|HPE
HP Inc.
Lenovo
Sony
Panasonic
Nintendo
Netflix
~Disney|~Walt Disney|Walt Disney Company
Warner Bros. Discovery|Warner Bros
Comcast
~Paramount|Paramount Global|Paramount Skydance
Spotify
OpenAI
Anthropic
DeepMind|Google DeepMind
Mistral AI
Palantir
~Snowflake
Uber
Lyft
Airbnb
Booking.com|Booking Holdings
Expedia
Alibaba|Alibaba Group
Tencent
ByteDance
TikTok
Baidu
JD.com
Xiaomi
BYD
CATL
TSMC|Taiwan Semiconductor Manufacturing Company
Foxconn|Hon Hai
Huawei
ZTE
SMIC
Shopify
Temu
Shein
~Telegram
YouTube
LinkedIn
Reddit
Snapchat
Pinterest
Twitter
SpaceX
Starlink
Blue Origin
Tesla
Rivian
Vodafone
Deutsche Telekom
Telefónica|Telefonica
BT Group
Verizon
AT&T
T-Mobile
~Orange
~Target
~Continental|Continental AG
Nokia
Ericsson
Reliance Industries|~Reliance
Tata Group|Tata Sons
Tata Motors
Tata Steel
Tata Consultancy Services|TCS
Infosys
Wipro
Adani Group
SoftBank|Softbank
Toshiba
Hitachi
Mitsubishi
Sumitomo
Nikon
Canon Inc.
Saudi Aramco|Aramco
Gazprom
Rosneft
Lukoil
Novatek
Sinopec
PetroChina
CNOOC
ExxonMobil|Exxon Mobil|Exxon
Chevron
ConocoPhillips
~Shell
BP
TotalEnergies
Eni
Equinor
Repsol
Petrobras
Pemex
ADNOC
QatarEnergy
Glencore
Rio Tinto
BHP
Anglo American
ArcelorMittal
Maersk|A.P. Moller-Maersk|AP Moller-Maersk
MSC|Mediterranean Shipping Company
CMA CGM
Hapag-Lloyd
COSCO|Cosco
DP World
Walmart
Costco
Tesco
Sainsbury's
Carrefour
Aldi
Lidl
IKEA|Ikea
H&M
Inditex
~Zara
Nike
Adidas
~Puma
LVMH
Louis Vuitton
Gucci
~Chanel
Hermès|Hermes
Kering
~Prada
Burberry
L'Oréal|L'Oreal
Unilever
Nestlé|Nestle
Procter & Gamble|P&G
Coca-Cola
PepsiCo|Pepsi
McDonald's
Starbucks
KFC
Danone
AB InBev|Anheuser-Busch InBev
Heineken
Diageo
Philip Morris|Philip Morris International
British American Tobacco|~[acronym]BAT
JPMorgan|JPMorgan Chase|JP Morgan|J.P. Morgan
Goldman Sachs
Morgan Stanley
Bank of America|BofA
Citigroup|Citi|Citibank
Wells Fargo
HSBC
Barclays
Lloyds|Lloyds Banking Group
NatWest
Standard Chartered
Deutsche Bank
Commerzbank
BNP Paribas
Société Générale|Societe Generale|SocGen
Crédit Agricole|Credit Agricole
UBS
Credit Suisse
Santander|Banco Santander
BBVA
ING
UniCredit
Intesa Sanpaolo
Mitsubishi UFJ|MUFG
Mizuho
Nomura
BlackRock
~Vanguard
Berkshire Hathaway
Blackstone
KKR
Apollo Global Management
~Carlyle|Carlyle Group
~Citadel
~Bridgewater|Bridgewater Associates
Allianz
AXA
~Prudential
Aviva
Legal & General
Munich Re
Swiss Re
~Visa
Mastercard
American Express|Amex
PayPal
~Stripe
Klarna
Revolut
Coinbase
Binance
Pfizer
Moderna
AstraZeneca
Johnson & Johnson
Novartis
Roche
Sanofi
GSK|GlaxoSmithKline
~Merck
Eli Lilly
Novo Nordisk
Bayer
AbbVie
Bristol Myers Squibb|Bristol-Myers Squibb
Gilead|Gilead Sciences
Amgen
Regeneron
Biogen
BioNTech
Siemens
Siemens Energy
Bosch
BASF
Volkswagen|VW
BMW
Mercedes-Benz
Daimler|Daimler Truck
Porsche
Audi
Stellantis
Fiat
Renault
Peugeot
Volvo
~Ferrari
Toyota
Nissan
Honda
Hyundai
Kia
General Motors|~GM
~Ford|Ford Motor
Jaguar Land Rover|JLR
Boeing
Airbus
Lockheed Martin
Raytheon|RTX
Northrop Grumman
General Dynamics
General Electric|GE Aerospace|GE Vernova
Honeywell
BAE Systems
Rheinmetall
~Thales
Safran
Rolls-Royce
Dassault|Dassault Aviation
Embraer
Saab
Leonardo DRS
Anduril
Lufthansa
Air France
KLM|Air France-KLM
British Airways
Ryanair
Wizz Air
Qatar Airways
Turkish Airlines
Delta Air Lines
United Airlines
American Airlines
Southwest Airlines
Cathay Pacific
Singapore Airlines
Iberdrola
EDF|Électricité de France
Enel
Engie
E.ON
RWE
Uniper
Ørsted|Orsted
Vestas
Centrica
National Grid
Thames Water
Royal Mail
Deliveroo
Just Eat
Ocado
Marks & Spencer|M&S
Primark
Greggs
WPP
RELX
Experian
Caterpillar
Deere|John Deere
3M
Johnson Controls
Visa Inc.
UnitedHealth|UnitedHealth Group
CVS Health
Walgreens
Home Depot
Nasdaq Inc.
S&P Global
Moody's
Fitch|Fitch Ratings
Standard & Poor's
McKinsey|McKinsey & Company
Deloitte
PwC|PricewaterhouseCoopers
EY|Ernst & Young
KPMG
Accenture
~Bain|Bain & Company
Boston Consulting Group|BCG
Gartner
Evergrande|China Evergrande
Country Garden
~Vale
Tencent Music
NIO|Nio
Li Auto
XPeng
Geely
SAIC Motor
Great Wall Motor
Mahindra
Infineon
STMicroelectronics
NXP
Arm Holdings|ARM Holdings
~Dyson
Arla
Carlsberg
Electrolux
Ikea Group
Zalando
Delivery Hero
Spotify Technology
~Philips
Heidelberg Materials
Holcim
Saint-Gobain
~Vinci
Bouygues
Airbus Defence and Space
MBDA
KNDS
Hanwha|Hanwha Aerospace
Hyundai Rotem
Mitsubishi Heavy Industries
Kawasaki Heavy Industries
Fincantieri
Naval Group
~Damen
Navantia
~Babcock
QinetiQ
Hugging Face
CoreWeave
Cerebras
Haleon
Reckitt
Virgin Atlantic
Virgin Media O2
Jet2
TUI
Norwegian Air
Etihad|Etihad Airways
Ethiopian Airlines
Adyen
Prosus
Naspers
Meituan
PDD Holdings|Pinduoduo
NetEase
LG Electronics|LG Energy Solution|LG Chem
POSCO|Posco
Hyundai Motor
Rakuten
Fast Retailing|Uniqlo
HDFC Bank
ICICI Bank
State Bank of India
Vedanta
Itaú|Itau|Itaú Unibanco
Nubank
MercadoLibre|Mercado Libre
SABIC
Turkcell
MTN|MTN Group
Safaricom
Dangote Group|Dangote Refinery
Sberbank|Sber
VTB
Yandex
Kaspersky
Nornickel|Norilsk Nickel
Rusal
Alrosa
Wildberries
Huawei Technologies
Kioxia
Renesas
Tokyo Electron
Keyence
Denso
Bridgestone
Michelin
Pirelli
Ferrero
Lindt
Mondelez
Kraft Heinz
General Mills
Kellogg|Kellanova
Tyson Foods
Cargill
Bunge
Archer Daniels Midland|ADM
Louis Dreyfus
Trafigura
Vitol
Gunvor
Mercuria
Freeport-McMoRan
Newmont
Barrick|Barrick Gold
Albemarle
SQM
Ganfeng
Tianqi
CATL Group
Northvolt
~Iberia
Vueling
Serco
Capita
`,
  },
  {
    name: 'events and conferences',
    type: 'MISC',
    cue: 'none',
    entries: `
Second World War|World War II|World War Two|WWII
First World War|World War I|World War One|WWI
Holocaust
Arab Spring
Great Depression
Great Recession
Cultural Revolution
Nakba
Intifada|First Intifada|Second Intifada
Munich Security Conference
Shangri-La Dialogue
Raisina Dialogue
World Economic Forum annual meeting
COP26
COP27
COP28
COP29
COP30
COP31
Hajj
Met Gala
Web Summit
Mobile World Congress
Consumer Electronics Show|CES
Jackson Hole symposium|Jackson Hole Economic Symposium
Bretton Woods Conference
Yalta Conference
Potsdam Conference
`,
  },
  {
    name: 'football clubs and sports teams',
    type: 'ORG',
    cue: 'club',
    entries: `
~Arsenal
Aston Villa
~Bournemouth|AFC Bournemouth
~Brentford
Brighton & Hove Albion|Brighton and Hove Albion|~Brighton
~Burnley
~Chelsea
~Crystal Palace
~Everton
~Fulham
Leeds United|~Leeds
~Liverpool
Manchester City|Man City
Manchester United|Man United|Man Utd
Newcastle United|~Newcastle
Nottingham Forest
~Sunderland
Tottenham Hotspur|Spurs|~Tottenham
West Ham United|West Ham
Wolverhampton Wanderers|~Wolves
Leicester City
~Southampton
Ipswich Town
Sheffield United
Sheffield Wednesday
Luton Town
Norwich City
Coventry City
~Middlesbrough
West Bromwich Albion|West Brom
Birmingham City
~Celtic
~Rangers
Real Madrid
~Barcelona|FC Barcelona|Barça
Atlético Madrid|Atletico Madrid|Atlético de Madrid
Athletic Bilbao|Athletic Club
Real Sociedad
Real Betis|Betis
~Sevilla|Sevilla FC
~Villarreal
~Valencia|Valencia CF
Celta Vigo|Celta
Osasuna
~Getafe
~Girona
Rayo Vallecano
~Mallorca|RCD Mallorca
Deportivo Alavés|Alavés|Alaves
Espanyol
Bayern Munich|Bayern München|FC Bayern|Bayern
Borussia Dortmund|~Dortmund
RB Leipzig|~Leipzig
Bayer Leverkusen|~Leverkusen
Eintracht Frankfurt
VfB Stuttgart|~Stuttgart
Borussia Mönchengladbach|Borussia Monchengladbach|Gladbach
VfL Wolfsburg|~Wolfsburg
SC Freiburg|~Freiburg
Werder Bremen
Union Berlin
FC Augsburg
Hoffenheim|TSG Hoffenheim
~Mainz|Mainz 05
FC Köln|FC Cologne
Hamburger SV|Hamburg SV
St Pauli|St. Pauli
~Heidenheim
Schalke|Schalke 04
Juventus|Juve
Inter Milan|Internazionale|~Inter
AC Milan|~Milan
~Napoli|SSC Napoli
AS Roma|~Roma
~Lazio
Atalanta
Fiorentina
~Bologna
~Torino
~Genoa
Udinese
Sassuolo
~Cagliari
~Lecce
~Parma
Hellas Verona|~Verona
Paris Saint-Germain|Paris St-Germain|Paris St Germain|PSG
Olympique de Marseille|~Marseille
Olympique Lyonnais|~Lyon
AS Monaco|~Monaco
~Lille|LOSC
OGC Nice
RC Lens
Stade Rennais|~Rennes
FC Nantes|~Nantes
RC Strasbourg
Toulouse FC
Stade Brestois
~Ajax
PSV Eindhoven|PSV
Feyenoord
Benfica
FC Porto|~Porto
Sporting CP|Sporting Lisbon
Galatasaray
Fenerbahçe|Fenerbahce
Beşiktaş|Besiktas
Al-Hilal|Al Hilal
Al-Nassr|Al Nassr
Inter Miami
LA Galaxy
Boca Juniors
River Plate
Flamengo
Palmeiras
Red Bull Racing
~McLaren
~Mercedes
Scuderia Ferrari
New York Yankees|~Yankees
Boston Red Sox|Red Sox
Los Angeles Dodgers|Dodgers
Los Angeles Lakers|Lakers
Boston Celtics|Celtics
Golden State Warriors
New York Knicks|Knicks
Dallas Cowboys
Kansas City Chiefs
Philadelphia Eagles
New England Patriots
All Blacks
~Wallabies
~Springboks
`,
  },
  {
    name: 'sports competitions and leagues',
    type: 'MISC',
    cue: 'sport',
    entries: `
Premier League|English Premier League
Champions League|UEFA Champions League|Uefa Champions League
Europa League
Conference League|Europa Conference League
La Liga
Bundesliga
Serie A
Ligue 1
Eredivisie
Primeira Liga
Scottish Premiership
Saudi Pro League
Major League Soccer
FA Cup
League Cup|Carabao Cup|EFL Cup
Copa del Rey
DFB-Pokal
Coppa Italia
Coupe de France
World Cup|FIFA World Cup|Fifa World Cup
Club World Cup
Women's World Cup
European Championship
Copa América
Africa Cup of Nations|AFCON|Afcon
Asian Cup
Nations League
Olympics|Olympic Games|Winter Olympics|Summer Olympics|Winter Olympic Games
Paralympics|Paralympic Games
Super Bowl
World Series
Stanley Cup
NBA Finals
~Wimbledon
US Open
French Open
Australian Open
Roland Garros|Roland-Garros
Tour de France
Giro d'Italia
Vuelta a España
Ryder Cup
Solheim Cup
Davis Cup
Six Nations
Rugby World Cup
Cricket World Cup
~Ashes
Indian Premier League|IPL
Formula One|Formula 1
Commonwealth Games
Asian Games
Grand National
Kentucky Derby
London Marathon
Boston Marathon
Champions Trophy
Eurovision Song Contest|Eurovision
`,
  },
  {
    name: 'festivals and awards',
    type: 'MISC',
    cue: 'award',
    entries: `
Berlin International Film Festival|Berlinale|Berlin Film Festival
Cannes Film Festival|Festival de Cannes
Venice Film Festival|Venice International Film Festival
Toronto International Film Festival|TIFF
Sundance Film Festival|~Sundance
Edinburgh Festival Fringe|Edinburgh Fringe|Edinburgh International Festival
~Glastonbury|Glastonbury Festival
~Coachella
South by Southwest|SXSW
Oktoberfest
Golden Bear|Honorary Golden Bear
Silver Bear
Silver Bear Grand Jury Prize
Silver Bear Jury Prize
Palme d'Or|Palme d’Or
Golden Lion
Silver Lion
Oscars|Academy Awards|Academy Award
Golden Globes|Golden Globe|Golden Globe Awards
Baftas|Bafta|BAFTA|Bafta Awards
Emmys|Emmy Awards|Emmy Award
Grammys|Grammy Awards|Grammy Award|Grammy
Tony Awards|Tony Award
Brit Awards
César Awards|Césars
Goya Awards
Nobel Prize|Nobel Peace Prize|Nobel Prize in Literature|Nobel Prize in Physics|Nobel Prize in Chemistry|Nobel Prize in Medicine|Nobel Prize in Economics|Nobel Prize in Physiology or Medicine|Nobel Memorial Prize in Economic Sciences
Pulitzer Prize|Pulitzer
Booker Prize|International Booker Prize|Man Booker Prize
Women's Prize for Fiction
Turner Prize
Prix Goncourt
Ballon d'Or|Ballon d’Or
Fields Medal
Abel Prize
Pritzker Prize|Pritzker Architecture Prize
Templeton Prize
Sakharov Prize
Right Livelihood Award
Mercury Prize
`,
  },
  {
    name: 'commodity benchmarks',
    type: 'MISC',
    cue: 'oil',
    entries: `
~Brent
West Texas Intermediate|WTI
~Urals
Henry Hub
Dutch TTF|TTF|Title Transfer Facility
Murban
`,
  },
  {
    name: 'national agencies, regulators and courts',
    type: 'ORG',
    cue: 'acronym',
    entries: `
Food and Drug Administration|FDA|US Food and Drug Administration|U.S. Food and Drug Administration
Centers for Disease Control and Prevention|CDC
Environmental Protection Agency
Securities and Exchange Commission|SEC
Federal Trade Commission|FTC
Federal Communications Commission|FCC
Federal Aviation Administration|FAA
National Transportation Safety Board|NTSB
National Institutes of Health|NIH
Justice Department|Department of Justice|DOJ
State Department|Department of State
Department of Homeland Security|Homeland Security Department|DHS
Immigration and Customs Enforcement|~[acronym]ICE
Customs and Border Protection|CBP
Federal Emergency Management Agency|FEMA
NASA
National Oceanic and Atmospheric Administration|NOAA
Internal Revenue Service|IRS
USAID|US Agency for International Development|U.S. Agency for International Development
Bureau of Labor Statistics|BLS
Congressional Budget Office|CBO
Government Accountability Office|GAO
Department of Government Efficiency|DOGE
Commerce Department|Department of Commerce
Bureau of Industry and Security
Office of Management and Budget|OMB
National Security Council
Supreme Court
NHS|National Health Service
Home Office
Foreign Office|Foreign, Commonwealth and Development Office|FCDO
Ministry of Defence|MoD
HM Treasury
HMRC|HM Revenue and Customs
Ofcom
Ofgem
Ofwat
Ofsted
Competition and Markets Authority
Financial Conduct Authority|FCA
Prudential Regulation Authority
Office for National Statistics|ONS
Office for Budget Responsibility|OBR
Met Office
Metropolitan Police|Met Police|Scotland Yard
Crown Prosecution Service|CPS
Environment Agency
Electoral Commission
Serious Fraud Office|SFO
National Crime Agency
BaFin
Bundeskartellamt
Autorité des marchés financiers
Consob
CNMV
Securities and Exchange Board of India|SEBI
China Securities Regulatory Commission|CSRC
National Development and Reform Commission|NDRC
Politburo
Politburo Standing Committee
Central Military Commission
State Council
Rosatom
Roscosmos
JAXA
ISRO|Indian Space Research Organisation
COGAT
Naftogaz
Ukrenergo
Energoatom
`,
  },
  {
    name: 'products, weapons systems and currencies',
    type: 'MISC',
    cue: 'weapon',
    entries: `
ChatGPT
~Gemini
~Copilot
Android
PlayStation
Xbox
Kindle
Dreamliner
Boeing 737 Max|Boeing 737 MAX|737 Max
F-35|F-35A|F-35B
F-16
Eurofighter Typhoon|Eurofighter
Rafale
Gripen
HIMARS
ATACMS
~Patriot|Patriot missile|Patriot system
Iron Dome
David's Sling
Storm Shadow
~Taurus
~Tomahawk
~Leopard|Leopard 2
Challenger 2
Bayraktar TB2|Bayraktar
Shahed
Kinzhal
Iskander
Oreshnik
S-400
Sarmat
TGV
Ozempic
Wegovy
Mounjaro
Bitcoin
Ethereum
`,
  },
  {
    name: 'treaties, laws and programmes',
    type: 'MISC',
    cue: 'none',
    entries: `
Paris Agreement|Paris climate agreement|Paris Climate Agreement
Kyoto Protocol
Montreal Protocol
Geneva Conventions|Geneva Convention
Treaty of Rome
Maastricht Treaty|Treaty of Maastricht
Lisbon Treaty|Treaty of Lisbon
Schengen Agreement|Schengen Area|Schengen zone|Schengen Zone
North Atlantic Treaty
Non-Proliferation Treaty|Nuclear Non-Proliferation Treaty|NPT
New START|New Start
INF Treaty|Intermediate-Range Nuclear Forces Treaty
Comprehensive Nuclear-Test-Ban Treaty
Chemical Weapons Convention
Biological Weapons Convention
Ottawa Treaty
Arms Trade Treaty
Outer Space Treaty
Joint Comprehensive Plan of Action|JCPOA
Good Friday Agreement|Belfast Agreement
Windsor Framework
Northern Ireland Protocol
Minsk agreements|Minsk Agreements
Oslo Accords
Abraham Accords
Camp David Accords
Dayton Agreement|Dayton Accords
Belt and Road Initiative|Belt and Road
Marshall Plan
European Green Deal|Green Deal
NextGenerationEU|Next Generation EU
Stability and Growth Pact
Inflation Reduction Act
CHIPS and Science Act|CHIPS Act|Chips Act
Affordable Care Act|Obamacare
Medicare
Medicaid
USMCA|United States-Mexico-Canada Agreement
NAFTA|Nafta|North American Free Trade Agreement
CPTPP|Comprehensive and Progressive Agreement for Trans-Pacific Partnership
Trans-Pacific Partnership
RCEP|Regional Comprehensive Economic Partnership
Brexit
Universal Declaration of Human Rights
UN Charter|Charter of the United Nations|United Nations Charter
Rome Statute
Refugee Convention
European Convention on Human Rights
Artemis Accords
Sustainable Development Goals|SDGs
Millennium Development Goals
Digital Markets Act
Digital Services Act
AI Act
General Data Protection Regulation|GDPR
Basel III
Bretton Woods
Operation Warp Speed
`,
  },
];
